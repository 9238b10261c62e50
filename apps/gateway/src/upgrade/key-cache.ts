import type { KeyResolveReply } from '@parley/contracts';
import type { Redis } from 'ioredis';

export interface KeyCacheOptions {
  /** Prefix of every Redis key this gateway writes, e.g. `gateway:`. */
  readonly keyPrefix: string;
  readonly ttlMs: number;
  /** How long an unknown key is remembered. */
  readonly unknownTtlMs: number;
  /**
   * How long after an invalidation no resolution of that key or agent is cached: longer than
   * any resolve still in flight can take, so one that read the database just before the
   * change cannot put the stale answer back.
   */
  readonly tombstoneTtlMs: number;
}

/** What the cache knows of a key hash. */
export type CachedKey =
  | { readonly kind: 'resolved'; readonly reply: KeyResolveReply }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'miss' };

const UNKNOWN = '-';
const MISS: CachedKey = { kind: 'miss' };

/**
 * KEYS: entry, key tombstone[, agent tombstone, agent index]; ARGV: reply JSON, ttlMs, key hash.
 * Writes nothing while a tombstone stands. The index outlives every entry it lists: each put
 * pushes its expiry to a full TTL.
 */
const PUT_ENTRY = `
for i = 2, math.min(#KEYS, 3) do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if #KEYS == 4 then
  redis.call('SADD', KEYS[4], ARGV[3])
  redis.call('PEXPIRE', KEYS[4], ARGV[2])
end
return 1
`;

/**
 * Key resolutions shared by every gateway through Redis, so the common upgrade makes no RPC.
 * Entries are keyed by the key's hash (never the key) and expire on their own; revocations
 * and agent changes drop them early, through a reverse index from agent to key hashes.
 */
export class KeyCache {
  constructor(
    private readonly redis: Redis,
    private readonly options: KeyCacheOptions,
  ) {}

  async get(keyHash: string): Promise<CachedKey> {
    const raw = await this.redis.get(this.entryKey(keyHash));
    if (raw === null) return MISS;
    if (raw === UNKNOWN) return { kind: 'unknown' };
    try {
      return { kind: 'resolved', reply: JSON.parse(raw) as KeyResolveReply };
    } catch {
      return MISS; // unreadable entry: resolve again, and the write below replaces it
    }
  }

  async put(keyHash: string, reply: KeyResolveReply): Promise<void> {
    const keys = [this.entryKey(keyHash), this.tombstoneKey('key', keyHash)];
    const agentId = reply.agent?.agentId;
    if (agentId) keys.push(this.tombstoneKey('agent', agentId), this.agentIndexKey(agentId));
    await this.redis.eval(PUT_ENTRY, keys.length, ...keys, JSON.stringify(reply), this.options.ttlMs, keyHash);
  }

  async putUnknown(keyHash: string): Promise<void> {
    await this.redis.set(this.entryKey(keyHash), UNKNOWN, 'PX', this.options.unknownTtlMs);
  }

  /** After a revocation: the next upgrade with this key asks rest-api again. */
  async dropKey(keyHash: string): Promise<void> {
    await this.redis
      .multi()
      .set(this.tombstoneKey('key', keyHash), '1', 'PX', this.options.tombstoneTtlMs)
      .del(this.entryKey(keyHash))
      .exec();
  }

  /** After an agent changed: every cached key bound to it resolves again. */
  async dropAgent(agentId: string): Promise<void> {
    await this.redis.set(this.tombstoneKey('agent', agentId), '1', 'PX', this.options.tombstoneTtlMs);
    const index = this.agentIndexKey(agentId);
    const hashes = await this.redis.smembers(index);
    await this.redis.del(index, ...hashes.map((hash) => this.entryKey(hash)));
  }

  private entryKey(keyHash: string): string {
    // `v1`: a gateway with a different reply shape uses other entries instead of misreading these.
    return `${this.options.keyPrefix}key:v1:${keyHash}`;
  }

  private tombstoneKey(kind: 'key' | 'agent', id: string): string {
    return `${this.options.keyPrefix}stale-${kind}:${id}`;
  }

  private agentIndexKey(agentId: string): string {
    return `${this.options.keyPrefix}agent-keys:${agentId}`;
  }
}
