import { performance } from 'node:perf_hooks';
import { Pacer } from './pacer';

function frames(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => new Uint8Array(640).fill(i % 256));
}

describe('Pacer', () => {
  it('sends one frame per 20 ms in real time without drift', async () => {
    /** How late each of 25 frames left against its slot on the 20 ms grid. */
    async function paceOnce(): Promise<number[]> {
      const queue = frames(25);
      const sentAt: number[] = [];
      const pacer = new Pacer(
        () => queue.shift(),
        () => sentAt.push(performance.now()),
      );
      const start = performance.now();
      pacer.start();
      await new Promise((resolve) => setTimeout(resolve, 560));
      pacer.stop();
      return sentAt.map((at, n) => at - (start + 20 * n));
    }
    // A loaded machine can stall the event loop for hundreds of ms (the catch-up after a stall is
    // the next test's); drift is the pacer's own, so it shows in every run, a stall in one.
    let lateness = await paceOnce();
    for (let retry = 0; retry < 2 && (lateness.length < 25 || Math.max(...lateness) >= 25); retry++) {
      lateness = await paceOnce();
    }

    expect(lateness).toHaveLength(25);
    // Frame n is due at start + 20n; timers may fire late, never early, and lateness must not add up.
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(-1);
    // Generous for a loaded CI machine; without the anchor, 25 frames would drift by 25+ ms.
    expect(Math.max(...lateness)).toBeLessThan(25);
    expect(lateness.at(-1)).toBeLessThan(25);
  });

  it('catches up at most maxBurst frames after a stall instead of bursting the debt', () => {
    jest.useFakeTimers();
    try {
      let now = 0;
      const queue = frames(50);
      const sends: number[] = [];
      const pacer = new Pacer(
        () => queue.shift(),
        () => sends.push(now),
        { now: () => now, maxBurst: 2 },
      );
      pacer.start(); // frame 0 at t=0
      now = 200; // the event loop was blocked for 10 frame times
      jest.advanceTimersByTime(20);
      expect(sends.filter((t) => t === 200)).toHaveLength(2);
      // Back on a 20 ms grid afterwards: one frame per tick.
      now = 220;
      jest.advanceTimersByTime(20);
      expect(sends.filter((t) => t === 220)).toHaveLength(1);
      pacer.stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends nothing after stop, even with frames queued', () => {
    jest.useFakeTimers();
    try {
      let now = 0;
      const queue = frames(10);
      let sent = 0;
      const pacer = new Pacer(
        () => queue.shift(),
        () => sent++,
        { now: () => now },
      );
      pacer.start();
      pacer.stop();
      now = 100;
      jest.advanceTimersByTime(100);
      expect(sent).toBe(1);
      expect(queue).toHaveLength(9);
      expect(pacer.active).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('idles on underrun and restarts on a fresh anchor', () => {
    jest.useFakeTimers();
    try {
      let now = 0;
      const queue = frames(1);
      let sent = 0;
      const pacer = new Pacer(
        () => queue.shift(),
        () => sent++,
        { now: () => now },
      );
      pacer.start();
      now = 20;
      jest.advanceTimersByTime(20);
      expect(pacer.active).toBe(false);
      queue.push(...frames(2));
      now = 500;
      pacer.start();
      expect(sent).toBe(2); // the first frame after a gap goes at once, not a burst of the gap
    } finally {
      jest.useRealTimers();
    }
  });
});
