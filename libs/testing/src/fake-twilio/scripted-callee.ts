import { speechFromText } from '../call-client/speech-from-text';
import { TwilioMediaStreamClient } from './media-stream-client';
import type { TwilioMediaLeg, TwilioMediaLegRunner } from './twilio-media-leg';

export interface ScriptedCalleeOptions {
  /** What the callee says, one line per turn, each after the agent finished speaking. */
  readonly lines: readonly string[];
  /** The flite voice; `rms` (default) survives the telephone band better than `slt` for pocketsphinx. */
  readonly voice?: string;
  /** The longest wait for the agent to finish an utterance (its `mark`). */
  readonly replyTimeoutMs?: number;
  /** Receives each call's media-stream client, for assertions on what the callee heard. */
  readonly onClient?: (client: TwilioMediaStreamClient) => void;
}

/** A phone line never goes quiet on the wire: between lines the callee streams silence in slices this long. */
const SILENCE_SLICE_MS = 100;

/**
 * A callee for the fake Twilio that talks: on the `<Stream>` it waits for the agent's greeting to
 * finish playing (the gateway's `mark` after it), says each line as flite speech in real time
 * (mu-law 8 kHz, as Twilio sends it), waits for the answer's `mark`, and hangs up after the last
 * one (`stop`). A REST hang-up or the server closing the socket ends it early.
 */
export function scriptedCallee(options: ScriptedCalleeOptions): TwilioMediaLegRunner {
  return async (leg: TwilioMediaLeg) => {
    const client = await TwilioMediaStreamClient.connect(leg.streamUrl, { parameters: leg.parameters, callSid: leg.callSid });
    options.onClient?.(client);
    const hangUp = () => client.hangUp();
    leg.signal.addEventListener('abort', hangUp, { once: true });
    try {
      await talk(client, options, leg.signal);
    } finally {
      leg.signal.removeEventListener('abort', hangUp);
    }
    await client.closed;
  };
}

async function talk(client: TwilioMediaStreamClient, options: ScriptedCalleeOptions, signal: AbortSignal): Promise<void> {
  const timeoutMs = options.replyTimeoutMs ?? 60_000;
  let ended = false;
  void client.closed.then(() => (ended = true));
  const marks = () => client.messagesOf('mark').length;
  // The gateway ends each turn on the caller's silence, so silence keeps flowing while the agent talks.
  const agentDone = async (count: number) => {
    const deadline = Date.now() + timeoutMs;
    while (marks() < count && !ended && !signal.aborted && Date.now() < deadline) await client.sendSilence(SILENCE_SLICE_MS);
    return marks() >= count;
  };
  if (!(await agentDone(1))) return client.hangUp();
  for (const [turn, line] of options.lines.entries()) {
    await client.sendSpeech(await speechFromText(line, options.voice ?? 'rms'));
    if (!(await agentDone(turn + 2))) break;
  }
  if (!ended) client.hangUp();
}
