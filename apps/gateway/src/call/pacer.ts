import { performance } from 'node:perf_hooks';
import { FRAME_MS } from '@parley/audio';

export interface PacerOptions {
  /** Length of one frame; the pacer sends one per this interval. Default 20 ms. */
  readonly frameMs?: number;
  /**
   * Frames sent in one tick when the timer fired late. Catching up a little hides timer
   * jitter; a long stall (GC, busy loop) is forgiven instead of bursting the whole debt,
   * which a telephony jitter buffer would drop anyway. Default 2.
   */
  readonly maxBurst?: number;
  /** Monotonic clock in ms; injectable for tests. */
  readonly now?: () => number;
}

/**
 * Sends one frame per `frameMs` to the caller, in real time. Send times are computed from
 * one anchor on a monotonic clock (the n-th frame is due at anchor + n·frameMs), so timer
 * lateness never accumulates into drift. `stop()` takes effect before the next frame:
 * barge-in needs the agent silent at once.
 */
export class Pacer {
  private readonly frameMs: number;
  private readonly maxBurst: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private anchor = 0;
  private sent = 0;
  private running = false;

  constructor(
    /** The next frame to send, or undefined when none is ready (the pacer then idles). */
    private readonly pull: () => Uint8Array | undefined,
    private readonly send: (frame: Uint8Array) => void,
    options: PacerOptions = {},
  ) {
    this.frameMs = options.frameMs ?? FRAME_MS;
    this.maxBurst = options.maxBurst ?? 2;
    this.now = options.now ?? (() => performance.now());
  }

  get active(): boolean {
    return this.running;
  }

  /** Starts sending (the first frame at once); no-op while already running. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.anchor = this.now();
    this.sent = 0;
    this.tick();
  }

  /** Stops before the next frame; what the source still holds stays there. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (!this.running) return;
    const now = this.now();
    const due = Math.floor((now - this.anchor) / this.frameMs) + 1;
    if (due - this.sent > this.maxBurst) {
      // Forgive the debt beyond one burst: re-anchor so that this burst puts us on time.
      this.anchor = now - (this.sent + this.maxBurst - 1) * this.frameMs;
    }
    const burst = Math.min(due - this.sent, this.maxBurst);
    for (let i = 0; i < burst; i++) {
      const frame = this.pull();
      if (!frame) return this.stop(); // underrun: the owner restarts us when audio arrives
      this.sent++;
      this.send(frame);
      if (!this.running) return; // the send itself may end playback
    }
    const nextDue = this.anchor + this.sent * this.frameMs;
    this.timer = setTimeout(this.tick, Math.max(0, nextDue - this.now()));
  };
}
