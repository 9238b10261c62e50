import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { RealtimePacer } from './realtime-pacer';

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a stall: the event loop can do nothing else
  }
}

describe('RealtimePacer', () => {
  it('keeps the long-run rate through an event-loop stall by granting the late slots at once', async () => {
    const pacer = new RealtimePacer(20);
    pacer.beginStream();
    const started = performance.now();
    for (let slot = 0; slot < 50; slot++) {
      await pacer.nextSlot();
      if (slot === 10) blockFor(100);
    }

    // 49 periods after the first slot; a pacer that restarted after the stall would take ~1080 ms.
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(960);
    expect(elapsed).toBeLessThan(1040);
  });

  it('starts a new run for a stream that begins after the line was idle, instead of bursting', async () => {
    const pacer = new RealtimePacer(20);
    pacer.beginStream();
    await pacer.nextSlot();
    await sleep(200);
    pacer.beginStream();
    const started = performance.now();
    for (let slot = 0; slot < 5; slot++) await pacer.nextSlot();

    expect(performance.now() - started).toBeGreaterThan(70);
  });
});
