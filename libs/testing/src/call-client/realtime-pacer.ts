import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Hands out send slots every `periodMs` on the monotonic clock, as a telephony platform's audio
 * clock would. Each slot is computed from the start of the run (not from the previous wake-up),
 * so timer lateness never accumulates into drift. A slot that is already due is granted at once;
 * a run that fell idle (nothing asked for a slot in time) restarts from now instead of bursting
 * to catch up.
 */
export class RealtimePacer {
  private nextSlotAt = -Infinity;

  constructor(private readonly periodMs: number) {}

  /** Resolves at the next slot; returns its time (performance.now() scale). */
  async nextSlot(): Promise<number> {
    const now = performance.now();
    // More than one period behind means the stream paused: start a new run.
    if (now - this.nextSlotAt > this.periodMs) this.nextSlotAt = now;
    const slot = this.nextSlotAt;
    this.nextSlotAt += this.periodMs;
    if (slot > now) await sleep(slot - now);
    return slot;
  }
}
