import { Bus, type BusSubscription } from '@parley/bus';
import { rpcSubjects, type SttSessionOpenRequest, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';

/** Retry delays for opening a session; the last one repeats while the call lives. */
const REOPEN_DELAYS_MS = [0, 1_000, 2_000, 5_000];

export interface SttLinkOptions {
  readonly rpcTimeoutMs: number;
  /** Told when a session could not be opened or was lost, once per failure. */
  readonly onFailure: () => void;
}

/**
 * The call's speech-to-text session: caller frames out on `audio-in`, transcripts back. The
 * session is sticky to the worker that answered `session.open`; when that fails or goes
 * silent, `reopen` asks the queue group again, which lands on a live worker.
 */
export class SttLink {
  private readonly subscription: BusSubscription;
  private seq = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly bus: Bus,
    private readonly request: SttSessionOpenRequest,
    onTranscript: (message: TranscriptMessage) => void,
    private readonly options: SttLinkOptions,
    private readonly log: Logger,
  ) {
    // Subscribed before the session opens, so the first transcript cannot be missed.
    this.subscription = bus.subscribe(voiceSubjects.transcript(request.callId), onTranscript);
  }

  /** Opens the session, retrying in the background until it works or the call ends. */
  open(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    const delay = REOPEN_DELAYS_MS[Math.min(this.attempt, REOPEN_DELAYS_MS.length - 1)];
    this.retryTimer = setTimeout(() => void this.tryOpen(), delay);
  }

  /** The session failed (no final transcript in time): report it and open another. */
  reopen(): void {
    this.options.onFailure();
    this.attempt = 0;
    this.open();
  }

  /** NATS keeps a reference to `frame` until its next flush: do not reuse it before then. */
  sendFrame(frame: Uint8Array): void {
    if (this.closed) return;
    this.bus.publishAudio(voiceSubjects.audioIn(this.request.callId), frame, { seq: this.seq++ });
  }

  /** Ask for the final transcript of what was said so far. */
  flush(): void {
    if (!this.closed) this.bus.publish(voiceSubjects.control(this.request.callId), { type: 'flush' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.subscription.unsubscribe();
    try {
      await this.bus.request(
        rpcSubjects.sttSessionClose,
        { callId: this.request.callId },
        { timeoutMs: this.options.rpcTimeoutMs },
      );
    } catch (err) {
      this.log.warn({ err, callId: this.request.callId }, 'stt session close failed');
    }
  }

  private async tryOpen(): Promise<void> {
    try {
      const reply = await this.bus.request(rpcSubjects.sttSessionOpen, this.request, {
        timeoutMs: this.options.rpcTimeoutMs,
      });
      this.attempt = 0;
      this.log.info({ callId: this.request.callId, workerId: reply.workerId }, 'stt session open');
    } catch (err) {
      if (this.closed) return;
      this.log.warn({ err, callId: this.request.callId, attempt: this.attempt }, 'stt session open failed');
      if (this.attempt === 0) this.options.onFailure();
      this.attempt++;
      this.open();
    }
  }
}
