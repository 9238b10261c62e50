import { SAMPLE_RATE } from '@parley/audio';
import type { CallClosed, VoiceCallClient } from '@parley/testing';
import type { CallPrinter } from './call-printer';

/** A caller turn ready to stream: what it is (for the log) and its 16 kHz samples. */
export interface PreparedUtterance {
  readonly label: string;
  readonly samples: Int16Array;
}

export interface ScriptOptions {
  readonly replyTimeoutMs: number;
  readonly hangupAfterMs: number | undefined;
}

export interface ScriptResult {
  readonly closed: CallClosed;
  /** Things that went wrong, each a sentence; empty for a clean call. */
  readonly failures: string[];
  /** True when the caller ended the call (end_call or the hang-up timer), not the server. */
  readonly endedByCaller: boolean;
}

type AgentTurn = 'answered' | 'silent' | 'closed';

/** How long the greeting may take to start: a platform speaks it at once. */
const GREETING_START_MS = 5_000;
/** Longest an agent turn may play once started. */
const MAX_AGENT_TURN_MS = 120_000;
/** A caller's breath between hearing the answer and speaking again. */
const PAUSE_AFTER_REPLY_MS = 400;
/** How long the server gets to close the socket after end_call. */
const END_CALL_GRACE_MS = 5_000;

/**
 * The conversation a caller has: listen to the greeting, then for each utterance speak it in real
 * time and keep the line open with silence until the agent has answered, then end the call. The
 * line never goes quiet: like a phone, it sends silence whenever the caller says nothing.
 */
export async function runCallScript(
  client: VoiceCallClient,
  utterances: PreparedUtterance[],
  options: ScriptOptions,
  printer: CallPrinter | undefined,
): Promise<ScriptResult> {
  const failures: string[] = [];
  const hangup = scheduleHangup(client, options.hangupAfterMs, printer);
  const greeting = await whileListening(client, agentTurn(client, 0, GREETING_START_MS));
  if (greeting === 'silent') printer?.note(client.now(), `(no greeting within ${GREETING_START_MS / 1000} s)`);
  for (const [index, utterance] of utterances.entries()) {
    if (!client.open) break;
    const since = client.now();
    printer?.caller(since, `▶ says ${utterance.label} (${(utterance.samples.length / SAMPLE_RATE).toFixed(2)} s)`);
    await client.streamPcm(utterance.samples);
    const reply = await whileListening(client, agentTurn(client, since, options.replyTimeoutMs));
    if (reply === 'closed') break;
    if (reply === 'silent') failures.push(`turn ${index + 1}: no agent audio within ${options.replyTimeoutMs} ms`);
    await client.streamSilence(PAUSE_AFTER_REPLY_MS);
  }
  const endedByCaller = hangup.fired || (await endCall(client, printer));
  hangup.cancel();
  const closed = await client.closed;
  return { closed, failures: [...failures, ...callFailures(client, closed, endedByCaller)], endedByCaller };
}

/** Streams silence while `done` is pending, then returns its result. */
async function whileListening<T>(client: VoiceCallClient, done: Promise<T>): Promise<T> {
  await client.streamSilenceUntil(done);
  return done;
}

/** Waits for an agent segment that starts after `since` to finish. */
async function agentTurn(client: VoiceCallClient, since: number, startTimeoutMs: number): Promise<AgentTurn> {
  try {
    const start = await client.waitFor('audio_start', undefined, startTimeoutMs, since);
    await client.waitFor('audio_end', undefined, MAX_AGENT_TURN_MS, start.at);
    return 'answered';
  } catch {
    return client.open ? 'silent' : 'closed';
  }
}

/** Sends end_call and waits for the server to close; true when the caller ended the call. */
async function endCall(client: VoiceCallClient, printer: CallPrinter | undefined): Promise<boolean> {
  if (!client.open) return false;
  printer?.caller(client.now(), '■ end_call');
  client.endCall();
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, END_CALL_GRACE_MS, 'timeout').unref());
  if ((await whileListening(client, Promise.race([client.closed, timeout]))) === 'timeout') {
    printer?.note(client.now(), `(no close ${END_CALL_GRACE_MS / 1000} s after end_call: hanging up)`);
    await client.close(1000, 'end_call not honoured');
  }
  return true;
}

function scheduleHangup(client: VoiceCallClient, afterMs: number | undefined, printer: CallPrinter | undefined) {
  const state = { fired: false, cancel: () => clearTimeout(timer) };
  const timer =
    afterMs === undefined
      ? undefined
      : setTimeout(() => {
          state.fired = true;
          printer?.caller(client.now(), '■ hangs up');
          void client.close(1000, 'caller hung up');
        }, Math.max(0, afterMs - client.now()));
  return state;
}

/** Everything the call's record shows went wrong, beyond unanswered turns. */
function callFailures(client: VoiceCallClient, closed: CallClosed, endedByCaller: boolean): string[] {
  const failures = client.protocolErrors.map((error) => `protocol error at ${Math.round(error.at)} ms: ${error.problem}`);
  for (const { message } of client.messagesOf('error')) failures.push(`platform error ${message.code}: ${message.message}`);
  const callEnd = client.messagesOf('call_end').at(-1)?.message;
  if (callEnd?.reason === 'PLATFORM_ERROR') failures.push('the platform ended the call with reason PLATFORM_ERROR');
  if (!endedByCaller && !callEnd) failures.push(`the server closed the call without call_end (${closed.code} ${closed.reason})`.trim());
  return failures;
}
