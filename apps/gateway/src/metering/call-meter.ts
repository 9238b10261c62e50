import { performance } from 'node:perf_hooks';
import type { CallProviders, ChatMessage, UsageRecordedEvent } from '@parley/contracts';

export interface MeteredCallIdentity {
  readonly callId: string;
  readonly orgId: string;
  readonly agentId: string;
  readonly providers: CallProviders;
}

export type UsagePublisher = (event: UsageRecordedEvent) => Promise<void>;

export interface CallMeterOptions {
  /** How often usage is reported while the call runs; billing debits each report. */
  readonly intervalMs: number;
  /** Duration of one caller frame sent to STT. */
  readonly frameMs: number;
}

/** Usage reports per second: exhaustion is noticed within one, and a started second is the unit charged. */
export const METERING_INTERVAL_MS = 1000;

/** Four characters per token: the usual estimate for English text, as no engine reports counts here. */
const CHARS_PER_TOKEN = 4;
const tokensOf = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);

/**
 * A live call's usage, reported to billing on the METERING stream: the first started second
 * at once (the reservation), then every interval the seconds begun since and what the engines
 * did, and a last report when the call ends. Counters only on the hot path; no allocation per frame.
 */
export class CallMeter {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private startedAtIso = '';
  private seq = 0;
  private reportedSeconds = 0;
  private sttAudioMs = 0;
  private llmInputTokens = 0;
  private llmOutputTokens = 0;
  private ttsCharacters = 0;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly call: MeteredCallIdentity,
    private readonly publish: UsagePublisher,
    private readonly options: CallMeterOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.startedAt = this.now();
    this.startedAtIso = new Date().toISOString();
    void this.report();
    this.timer = setInterval(() => void this.report(), this.options.intervalMs);
    this.timer.unref();
  }

  /** One caller frame went to speech recognition. */
  sttFrame(): void {
    this.sttAudioMs += this.options.frameMs;
  }

  /** A reply was asked for: the conversation is the LLM's input. */
  llmRequest(messages: readonly ChatMessage[]): void {
    let chars = 0;
    for (const message of messages) chars += message.content.length;
    this.llmInputTokens += tokensOf(chars);
  }

  /** The agent spoke `text`; `fromLlm` unless it was a fixed phrase (greeting, fallback). */
  agentSpoke(text: string, fromLlm: boolean): void {
    this.ttsCharacters += text.length;
    if (fromLlm) this.llmOutputTokens += tokensOf(text.length);
  }

  /** Stops the interval and reports what is left; safe to call more than once. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      clearInterval(this.timer);
      await this.report();
    })();
    return this.stopped;
  }

  private report(): Promise<void> {
    // The second that began at the instant counts as started: at 1000 ms the second second runs.
    const startedSeconds = Math.floor((this.now() - this.startedAt) / 1000) + 1;
    const seconds = startedSeconds - this.reportedSeconds;
    if (seconds === 0 && !this.hasEngineUsage()) return Promise.resolve();
    const event: UsageRecordedEvent = {
      ...this.call,
      seq: this.seq++,
      startedAt: this.startedAtIso,
      seconds,
      sttAudioMs: this.sttAudioMs,
      llmInputTokens: this.llmInputTokens,
      llmOutputTokens: this.llmOutputTokens,
      ttsCharacters: this.ttsCharacters,
      at: new Date().toISOString(),
    };
    this.reportedSeconds = startedSeconds;
    this.sttAudioMs = this.llmInputTokens = this.llmOutputTokens = this.ttsCharacters = 0;
    return this.publish(event);
  }

  private hasEngineUsage(): boolean {
    return this.sttAudioMs + this.llmInputTokens + this.llmOutputTokens + this.ttsCharacters > 0;
  }
}
