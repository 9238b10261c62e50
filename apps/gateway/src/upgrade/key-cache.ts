import type { KeyResolveReply } from '@parley/contracts';
import type { Redis } from 'ioredis';

export interface KeyCacheOptions {
  /** Prefix of every Redis key this gateway writes, e.g. `gateway:`. */
  readonly keyPrefix: string;
  readonly ttlMs: number;
  /** How long an unknown key is remembered. */
  readonly unknownTtlMs: number;
}

/** What the cache knows of a key hash. */
export type CachedKey =
  | { readonly kind: 'resolved'; readonly reply: KeyResolveReply }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'miss' };

const UNKNOWN = '-';
const MISS: CachedKey = { kind: 'miss' };

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
    const { ttlMs } = this.options;
    const multi = this.redis.multi().set(this.entryKey(keyHash), JSON.stringify(reply), 'PX', ttlMs);
    if (reply.agent) {
      const index = this.agentIndexKey(reply.agent.agentId);
      // The index outlives every entry it lists: each put pushes its expiry to a full TTL.
      multi.sadd(index, keyHash).pexpire(index, ttlMs);
    }
    await multi.exec();
  }

  async putUnknown(keyHash: string): Promise<void> {
    await this.redis.set(this.entryKey(keyHash), UNKNOWN, 'PX', this.options.unknownTtlMs);
  }

  /** After a revocation: the next upgrade with this key asks rest-api again. */
  async dropKey(keyHash: string): Promise<void> {
    await this.redis.del(this.entryKey(keyHash));
  }

  /** After an agent changed: every cached key bound to it resolves again. */
  async dropAgent(agentId: string): Promise<void> {
    const index = this.agentIndexKey(agentId);
    const hashes = await this.redis.smembers(index);
    await this.redis.del(index, ...hashes.map((hash) => this.entryKey(hash)));
  }

  private entryKey(keyHash: string): string {
    // `v1`: a gateway with a different reply shape uses other entries instead of misreading these.
    return `${this.options.keyPrefix}key:v1:${keyHash}`;
  }

  private agentIndexKey(agentId: string): string {
    return `${this.options.keyPrefix}agent-keys:${agentId}`;
  }
}
