import { performance } from 'node:perf_hooks';
import { Bus, type BusSubscription } from '@parley/bus';
import { rpcSubjects, type SttSessionOpenRequest, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { publishControl } from './call-control';

/** Retry delays for opening a session; the last one repeats while the call lives. */
const REOPEN_DELAYS_MS = [0, 1_000, 2_000, 5_000];
/** Keepalive intervals without any transcript message after which the session counts as gone. */
const MISSED_KEEPALIVES = 3;

export interface SttLinkOptions {
  readonly rpcTimeoutMs: number;
  /** Asked of the worker at open; the session's liveness signal. */
  readonly keepaliveMs: number;
  /** Told when a session could not be opened or was lost, once per failure. */
  readonly onFailure: () => void;
}

/**
 * The call's speech-to-text session: caller frames out on `audio-in`, transcripts back. The
 * session is sticky to the worker that answered `session.open`; a failed engine closes its
 * session without a word, so silence on `transcript` for a few keepalive intervals (or a
 * flush left unanswered) makes the link open a new session, which the queue group routes to
 * a live worker.
 */
export class SttLink {
  private readonly subscription: BusSubscription;
  private seq = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lastHeardAt = 0;
  private closed = false;

  constructor(
    private readonly bus: Bus,
    private readonly request: SttSessionOpenRequest,
    onTranscript: (message: TranscriptMessage) => void,
    private readonly options: SttLinkOptions,
    private readonly log: Logger,
  ) {
    // Subscribed before the session opens, so the first transcript cannot be missed.
    this.subscription = bus.subscribe(voiceSubjects.transcript(request.callId), (message) => {
      this.lastHeardAt = performance.now();
      onTranscript(message);
    });
  }

  /** Opens the session, retrying in the background until it works or the call ends. */
  open(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    const delay = REOPEN_DELAYS_MS[Math.min(this.attempt, REOPEN_DELAYS_MS.length - 1)];
    this.retryTimer = setTimeout(() => void this.tryOpen(), delay);
  }

  /**
   * The session failed (silent, or a flush unanswered): report it and open another. The old
   * one is closed first, in case its worker still lives: two sessions would transcribe twice.
   */
  reopen(): void {
    if (this.closed) return;
    this.stopWatchdog();
    this.options.onFailure();
    this.attempt = 0;
    void this.closeSession().then(() => this.open());
  }

  /** NATS keeps a reference to `frame` until its next flush: do not reuse it before then. */
  sendFrame(frame: Uint8Array): void {
    if (this.closed) return;
    this.bus.publishAudio(voiceSubjects.audioIn(this.request.callId), frame, { seq: this.seq++ });
  }

  /** Asks for the final of what was said so far; the answer carries `turnId`. */
  flush(turnId: string): void {
    if (!this.closed) publishControl(this.bus, this.request.callId, { type: 'flush', turnId }, this.log);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.stopWatchdog();
    this.subscription.unsubscribe();
    await this.closeSession();
  }

  private async closeSession(): Promise<void> {
    try {
      const request = { callId: this.request.callId };
      await this.bus.request(rpcSubjects.sttSessionClose, request, { timeoutMs: this.options.rpcTimeoutMs });
    } catch (err) {
      this.log.warn({ err }, 'stt session close failed');
    }
  }

  private async tryOpen(): Promise<void> {
    try {
      const request = { ...this.request, keepaliveMs: this.options.keepaliveMs };
      const reply = await this.bus.request(rpcSubjects.sttSessionOpen, request, {
        timeoutMs: this.options.rpcTimeoutMs,
      });
      if (this.closed) return;
      this.attempt = 0;
      this.startWatchdog();
      this.log.info({ workerId: reply.workerId, provider: reply.provider }, 'stt session open');
    } catch (err) {
      if (this.closed) return;
      this.log.warn({ err, attempt: this.attempt }, 'stt session open failed');
      if (this.attempt === 0) this.options.onFailure();
      this.attempt++;
      this.open();
    }
  }

  private startWatchdog(): void {
    this.stopWatchdog();
    this.lastHeardAt = performance.now();
    const { keepaliveMs } = this.options;
    this.watchdog = setInterval(() => {
      if (performance.now() - this.lastHeardAt < MISSED_KEEPALIVES * keepaliveMs) return;
      this.log.warn({ silentMs: Math.round(performance.now() - this.lastHeardAt) }, 'stt session went silent');
      this.reopen();
    }, keepaliveMs);
  }

  private stopWatchdog(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}
