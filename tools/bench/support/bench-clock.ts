import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The bench process's own event-loop delay: the client paces caller audio and timestamps agent
 * frames on this loop, so a stall here shows up as lateness that the platform did not cause.
 */
export class ClientLoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  /** The longest delay since the last call, in ms; the next interval starts now. */
  maxMsSinceLast(): number {
    const max = this.histogram.max / 1e6;
    this.histogram.reset();
    return max;
  }

  stop(): void {
    this.histogram.disable();
  }
}

/** Calls `sample` every `everyMs` until `until` settles; resolves after the last sample. */
export async function sampleWhile(until: Promise<unknown>, everyMs: number, sample: () => void): Promise<void> {
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    sample();
    await Promise.race([sleep(everyMs), until]).catch(() => undefined);
  }
  sample();
}
