import { setTimeout as sleep } from 'node:timers/promises';
import { SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
  it('runs tasks one at a time in the order they came', async () => {
    const queue = new SerialQueue(10);
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 15)), queue.run(task('b', 1)), queue.run(task('c', 5))]);

    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('goes on after a task fails, and hands the failure to its caller', async () => {
    const queue = new SerialQueue(10);
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('refuses work beyond the waiting limit as retryable overload', async () => {
    const queue = new SerialQueue(1);
    const running = queue.run(() => sleep(10));
    await sleep(1);
    const waiting = queue.run(() => sleep(1));
    await expect(queue.run(() => sleep(1))).rejects.toMatchObject({ kind: 'overloaded', retryable: true });
    await Promise.all([running, waiting]);
    expect(queue.depth).toBe(0);
  });
});
