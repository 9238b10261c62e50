import { testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { CallLeases, type CallLeasesOptions } from '../src/leases';

const ORG = 'org-1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('call leases in real Redis', () => {
  let redis: Redis;
  let keyPrefix: string;
  const renewErrors: unknown[] = [];

  const leases = (timing: Partial<CallLeasesOptions> = {}) =>
    new CallLeases(redis, {
      keyPrefix,
      ttlMs: 5_000,
      renewEveryMs: 1_000,
      onRenewError: (err) => renewErrors.push(err),
      ...timing,
    });

  beforeAll(async () => {
    redis = new Redis((await testInfra()).redisUrl);
  });

  beforeEach(() => {
    keyPrefix = `${uniqueNamespace('leases')}:`;
  });

  afterAll(async () => {
    expect(renewErrors).toEqual([]);
    await redis.quit();
  });

  it('grants leases up to the limit and refuses the next call', async () => {
    const calls = leases();
    const held = [await calls.acquire(ORG, 'c1', 2), await calls.acquire(ORG, 'c2', 2)];
    expect(held.every((lease) => lease !== null)).toBe(true);
    await expect(calls.acquire(ORG, 'c3', 2)).resolves.toBeNull();
    await expect(calls.count(ORG)).resolves.toBe(2);
    await Promise.all(held.map((lease) => lease?.release()));
  });

  it('frees the slot on release, and a second release changes nothing', async () => {
    const calls = leases();
    const lease = await calls.acquire(ORG, 'c1', 1);
    await lease?.release();
    await lease?.release();
    await expect(calls.count(ORG)).resolves.toBe(0);
    const next = await calls.acquire(ORG, 'c2', 1);
    expect(next).not.toBeNull();
    await next?.release();
  });

  it('counts a call that acquires twice once', async () => {
    const calls = leases();
    const first = await calls.acquire(ORG, 'c1', 1);
    const again = await calls.acquire(ORG, 'c1', 1);
    expect(again).not.toBeNull();
    await expect(calls.count(ORG)).resolves.toBe(1);
    await Promise.all([first?.release(), again?.release()]);
  });

  it('keeps each organization to its own limit', async () => {
    const calls = leases();
    const mine = await calls.acquire('org-a', 'c1', 1);
    const theirs = await calls.acquire('org-b', 'c2', 1);
    expect(theirs).not.toBeNull();
    await Promise.all([mine?.release(), theirs?.release()]);
  });

  it('lets the lease of a crashed gateway expire after its TTL', async () => {
    // A renew interval far beyond the test stands for a gateway that died holding the lease.
    const crashed = leases({ ttlMs: 300, renewEveryMs: 3_600_000 });
    expect(await crashed.acquire(ORG, 'stale', 1)).not.toBeNull();
    await expect(leases().acquire(ORG, 'fresh', 1)).resolves.toBeNull();
    await sleep(400);
    await expect(crashed.count(ORG)).resolves.toBe(0);
    const fresh = await leases().acquire(ORG, 'fresh', 1);
    expect(fresh).not.toBeNull();
    await fresh?.release();
  });

  it('keeps a live call counted past the TTL by renewing it', async () => {
    const calls = leases({ ttlMs: 300, renewEveryMs: 100 });
    const lease = await calls.acquire(ORG, 'c1', 1);
    await sleep(700);
    expect(lease?.held).toBe(true);
    await expect(calls.count(ORG)).resolves.toBe(1);
    await expect(calls.acquire(ORG, 'c2', 1)).resolves.toBeNull();
    await lease?.release();
  });

  it('reports a lease lost when its renewal finds it expired, and does not take the slot back', async () => {
    const calls = leases({ ttlMs: 200, renewEveryMs: 3_600_000 });
    const lease = await calls.acquire(ORG, 'c1', 1);
    const lost = jest.fn();
    lease?.onLost(lost);
    await sleep(300);
    const other = await calls.acquire(ORG, 'c2', 1);
    await lease?.renew();
    expect(lease?.held).toBe(false);
    expect(lost).toHaveBeenCalledTimes(1);
    await expect(calls.count(ORG)).resolves.toBe(1);
    await other?.release();
  });

  it('leaves no key behind once the last lease is released or expired', async () => {
    const calls = leases({ ttlMs: 200, renewEveryMs: 3_600_000 });
    await calls.acquire(ORG, 'c1', 1);
    await sleep(300);
    await expect(redis.keys(`${keyPrefix}*`)).resolves.toEqual([]);
  });
});
