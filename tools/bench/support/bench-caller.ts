import { performance } from 'node:perf_hooks';
import { type TurnLatency, VoiceCallClient } from '@parley/testing';
import type { BenchTarget } from './bench-tenant';
import { type CallEndedFigures, CallEventWatch } from './call-events';
import { FrameLateness } from './frame-lateness';
import type { Question } from './questions';
import type { TurnSplit } from './turn-trace';

/** How a caller talks: which questions, until when, how long it listens. */
export interface Conversation {
  readonly questions: readonly Question[];
  /** Asked before each question (after the first): true ends the call. */
  readonly done: (asked: number) => boolean;
  /** Silence between hearing an answer and the next question: a caller's breath. */
  readonly pauseMs: number;
  /** How long an answer may take to start before the turn counts as unanswered. */
  readonly replyTimeoutMs: number;
}

/** What one call measured, at the client and (when matched) from its `call.ended` event. */
export interface CallOutcome {
  readonly callId: string | undefined;
  readonly asked: number;
  readonly turns: readonly TurnLatency[];
  /** The answered turns whose every milestone was seen on the bus, split into stages. */
  readonly splits: readonly TurnSplit[];
  readonly lateness: FrameLateness;
  /** Codes of the `error` frames the platform sent (e.g. STT_ERROR when no STT session was free). */
  readonly errors: readonly string[];
  /** `caller` when the bench ended the call, else the server's `call_end` reason. */
  readonly endedBy: string;
  readonly figures: CallEndedFigures | undefined;
}

const GREETING_TIMEOUT_MS = 5_000;
const MAX_AGENT_SPEECH_MS = 60_000;
const CALL_STARTED_TIMEOUT_MS = 5_000;
const CALL_ENDED_TIMEOUT_MS = 5_000;

/**
 * Places the bench's calls. The voice protocol never tells a caller its call id, so connects
 * are serialised: each waits for its own `call.started` before the next caller dials.
 */
export class BenchDialer {
  /** The dial in progress: the next waits for it. */
  private dialing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly target: BenchTarget,
    private readonly events: CallEventWatch | undefined,
  ) {}

  static async open(target: BenchTarget, natsUrl: string): Promise<BenchDialer> {
    const events = target.keyId ? await CallEventWatch.open(natsUrl, target.keyId) : undefined;
    return new BenchDialer(target, events);
  }

  /** Dials, holds the conversation, ends the call and collects its figures. */
  async call(conversation: Conversation): Promise<CallOutcome> {
    const { client, callId } = await this.dial();
    const lateness = FrameLateness.watch(client);
    const asked = await converse(client, conversation);
    const endedBy = await hangUp(client);
    const splits = this.splits(client, callId);
    const figures = callId ? await this.events?.endedFigures(callId, CALL_ENDED_TIMEOUT_MS) : undefined;
    const errors = client.messagesOf('error').map(({ message }) => message.code);
    return { callId, asked, turns: client.turnLatencies, splits, errors, lateness, endedBy, figures };
  }

  async close(): Promise<void> {
    await this.events?.close();
  }

  private splits(client: VoiceCallClient, callId: string | undefined): TurnSplit[] {
    const trace = this.events?.trace;
    if (!trace || !callId) return [];
    const connectedAt = performance.now() - client.now(); // the client counts from its connect
    const turnStarts = client.messagesOf('turn_start').map(({ at }) => at);
    const splits = client.turnLatencies.flatMap(({ speechEndedAt, agentAudioAt }) => {
      const turnStartAt = turnStarts.find((at) => at >= speechEndedAt && at <= agentAudioAt);
      const split = trace.split(
        callId,
        connectedAt + speechEndedAt,
        connectedAt + agentAudioAt,
        turnStartAt === undefined ? undefined : connectedAt + turnStartAt,
      );
      return split ? [split] : [];
    });
    trace.forget(callId);
    return splits;
  }

  private dial(): Promise<{ client: VoiceCallClient; callId: string | undefined }> {
    const dialled = this.dialing.then(async () => {
      const client = await VoiceCallClient.connect(this.target.voiceUrl);
      const callId = await this.events?.nextStarted(CALL_STARTED_TIMEOUT_MS);
      return { client, callId };
    });
    this.dialing = dialled.catch(() => undefined);
    return dialled;
  }
}

/** Greeting, then question → answer → pause until `done`; the line carries silence throughout. */
async function converse(client: VoiceCallClient, conversation: Conversation): Promise<number> {
  const { questions, done, pauseMs, replyTimeoutMs } = conversation;
  await whileListening(client, agentSpeech(client, 0, GREETING_TIMEOUT_MS));
  let asked = 0;
  while (client.open && !done(asked)) {
    const since = client.now();
    await client.streamPcm(questions[asked % questions.length].samples);
    asked++;
    await whileListening(client, agentSpeech(client, since, replyTimeoutMs));
    await client.streamSilence(pauseMs);
  }
  return asked;
}

/** Streams real-time silence, as a phone line does, while `done` is pending. */
async function whileListening(client: VoiceCallClient, done: Promise<unknown>): Promise<void> {
  await client.streamSilenceUntil(done);
}

/** Resolves when an agent segment starting after `since` has finished (or never came). */
async function agentSpeech(client: VoiceCallClient, since: number, startTimeoutMs: number): Promise<boolean> {
  try {
    const start = await client.waitFor('audio_start', undefined, startTimeoutMs, since);
    await client.waitFor('audio_end', undefined, MAX_AGENT_SPEECH_MS, start.at);
    return true;
  } catch {
    return false;
  }
}

async function hangUp(client: VoiceCallClient): Promise<string> {
  const serverEnd = client.messagesOf('call_end').at(-1)?.message.reason;
  if (!client.open) return serverEnd ?? 'closed without call_end';
  client.endCall();
  const timeout = new Promise((resolve) => setTimeout(resolve, CALL_ENDED_TIMEOUT_MS).unref());
  await whileListening(client, Promise.race([client.closed, timeout]));
  if (client.open) await client.close(1000, 'end_call not honoured');
  return 'caller';
}
