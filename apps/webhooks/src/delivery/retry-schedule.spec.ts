import { nextRetryDelayMs } from './retry-schedule';

describe('retry schedule', () => {
  const policy = { scheduleMs: [1_000, 10_000, 100_000], jitter: 0.2 };

  it('follows the schedule, one delay per failed attempt, then stops', () => {
    const middle = () => 0.5;
    expect(nextRetryDelayMs(policy, 1, middle)).toBe(1_000);
    expect(nextRetryDelayMs(policy, 2, middle)).toBe(10_000);
    expect(nextRetryDelayMs(policy, 3, middle)).toBe(100_000);
    expect(nextRetryDelayMs(policy, 4, middle)).toBeNull();
  });

  it('spreads each delay by at most the jitter either way', () => {
    expect(nextRetryDelayMs(policy, 2, () => 0)).toBe(8_000);
    expect(nextRetryDelayMs(policy, 2, () => 0.999999)).toBe(12_000);
    const delays = Array.from({ length: 200 }, () => nextRetryDelayMs(policy, 2) as number);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(12_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('has no retries with an empty schedule', () => {
    expect(nextRetryDelayMs({ scheduleMs: [], jitter: 0 }, 1)).toBeNull();
  });
});
