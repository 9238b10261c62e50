import type { KeyResolveReply } from '@parley/contracts';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { KeyCache, type KeyCacheOptions } from '../src/upgrade/key-cache';
import { testAgent } from './support/fake-identity';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reply(agentId: string | null): KeyResolveReply {
  return {
    keyId: 'k1',
    orgId: 'o1',
    status: 'active',
    plan: 'pro',
    limits: { maxConcurrentCalls: 2, requestsPerMinute: 300 },
    agent: agentId === null ? null : testAgent(agentId),
  };
}

describe('key cache in real Redis', () => {
  let redis: Redis;
  let cache: KeyCache;

  const newCache = (options: Partial<KeyCacheOptions> = {}) =>
    new KeyCache(redis, {
      keyPrefix: `${uniqueNamespace('key_cache')}:`,
      ttlMs: 5_000,
      unknownTtlMs: 5_000,
      tombstoneTtlMs: 5_000,
      ...options,
    });

  beforeAll(async () => {
    redis = new Redis((await testInfra()).redisUrl);
  });

  beforeEach(() => {
    cache = newCache();
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('returns a stored resolution, remembers unknown keys, and misses the rest', async () => {
    await cache.put(HASH_A, reply('agent-1'));
    await cache.putUnknown(HASH_B);
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'resolved', reply: reply('agent-1') });
    await expect(cache.get(HASH_B)).resolves.toEqual({ kind: 'unknown' });
    await expect(cache.get('c'.repeat(64))).resolves.toEqual({ kind: 'miss' });
  });

  it('forgets entries after their TTL, unknown keys after theirs', async () => {
    // Wide margins: a loaded CI machine may stall a few hundred milliseconds between steps.
    cache = newCache({ ttlMs: 1500, unknownTtlMs: 100 });
    await cache.put(HASH_A, reply(null));
    await cache.putUnknown(HASH_B);
    await sleep(500);
    await expect(cache.get(HASH_B)).resolves.toEqual({ kind: 'miss' });
    await expect(cache.get(HASH_A)).resolves.toMatchObject({ kind: 'resolved' });
    await sleep(1200);
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'miss' });
  });

  it('drops every key bound to a changed agent, and only those', async () => {
    await cache.put(HASH_A, reply('agent-1'));
    await cache.put(HASH_B, reply('agent-2'));
    await cache.dropAgent('agent-1');
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'miss' });
    await expect(cache.get(HASH_B)).resolves.toMatchObject({ kind: 'resolved' });
  });

  it('does not cache a resolution that was in flight when its key was revoked', async () => {
    await cache.dropKey(HASH_A);
    await cache.put(HASH_A, reply('agent-1'));
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'miss' });
  });

  it('does not cache a resolution that was in flight when its agent changed', async () => {
    await cache.dropAgent('agent-1');
    await cache.put(HASH_A, reply('agent-1'));
    await cache.put(HASH_B, reply('agent-2'));
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'miss' });
    await expect(cache.get(HASH_B)).resolves.toMatchObject({ kind: 'resolved' });
  });

  it('caches the key again once the tombstone has passed', async () => {
    cache = newCache({ tombstoneTtlMs: 50 });
    await cache.dropKey(HASH_A);
    await sleep(80);
    await cache.put(HASH_A, reply(null));
    await expect(cache.get(HASH_A)).resolves.toMatchObject({ kind: 'resolved' });
  });

  it('treats an unreadable entry as a miss', async () => {
    const prefix = `${uniqueNamespace('key_cache')}:`;
    cache = newCache({ keyPrefix: prefix });
    await redis.set(`${prefix}key:v1:${HASH_A}`, '{not json', 'PX', 5_000);
    await expect(cache.get(HASH_A)).resolves.toEqual({ kind: 'miss' });
  });
});
