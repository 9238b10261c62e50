import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Hands out send slots every `periodMs` on the monotonic clock, as a telephony platform's audio
 * clock would. Each slot is computed from the start of the run, not from the previous wake-up,
 * so timer lateness never accumulates into drift: after an event-loop stall the late slots are
 * granted at once, as a real line delivers its backlog. Only `beginStream` may start a new run,
 * when the line has been idle: a stream that starts later must not burst to "catch up".
 */
export class RealtimePacer {
  private nextSlotAt = -Infinity;

  constructor(private readonly periodMs: number) {}

  /** Call before each stream: continues the run when the previous stream just ended, else starts one now. */
  beginStream(): void {
    const now = performance.now();
    if (now - this.nextSlotAt > this.periodMs) this.nextSlotAt = now;
  }

  /** Resolves at the next slot; returns its time (performance.now() scale). */
  async nextSlot(): Promise<number> {
    const slot = this.nextSlotAt;
    this.nextSlotAt += this.periodMs;
    const wait = slot - performance.now();
    if (wait > 0) await sleep(wait);
    return slot;
  }
}
