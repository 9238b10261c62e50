import { Inject, Injectable } from '@nestjs/common';
import type { Plan } from '@parley/contracts';
import type { IdentityClient } from '@parley/db-identity';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { IDENTITY_DB } from '../database/database.tokens';
import { API_KEY_PATTERN, hashApiKey, sameHash } from './api-key-secret';

export interface ResolvedKey {
  readonly keyId: string;
  readonly orgId: string;
  readonly plan: Plan;
  readonly agentId: string | null;
  readonly active: boolean;
  readonly hash: string;
}

interface CacheEntry {
  readonly key: ResolvedKey | null;
  readonly expiresAt: number;
}

/** Bounds memory under a flood of distinct made-up keys. */
const MAX_ENTRIES = 10_000;

/**
 * API key → organization, plan and agent, kept in process for `KEY_CACHE_TTL_MS` so the hot
 * path makes no database query. A revocation drops the entry here (`forget`) and marks the key
 * in Redis, which the rate-limit round trip checks, so every instance refuses it at once.
 */
@Injectable()
export class ApiKeyResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;

  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(REST_API_CONFIG) config: RestApiConfig,
  ) {
    this.ttlMs = config.KEY_CACHE_TTL_MS;
  }

  /** Null for a malformed or unknown key. */
  async resolve(raw: string): Promise<ResolvedKey | null> {
    if (!API_KEY_PATTERN.test(raw)) return null;
    const hash = hashApiKey(raw);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > Date.now()) return cached.key;
    const key = await this.load(hash);
    this.remember(hash, key);
    return key;
  }

  forget(hash: string): void {
    this.cache.delete(hash);
  }

  private async load(hash: string): Promise<ResolvedKey | null> {
    const row = await this.identity.apiKey.findUnique({ where: { hash }, include: { org: { select: { plan: true } } } });
    // The unique index found it; the constant-time comparison keeps the final check free of timing leaks.
    if (!row || !sameHash(row.hash, hash)) return null;
    return {
      keyId: row.id,
      orgId: row.orgId,
      plan: row.org.plan,
      agentId: row.agentId,
      active: row.status === 'active',
      hash,
    };
  }

  private remember(hash: string, key: ResolvedKey | null): void {
    if (this.ttlMs === 0) return;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, { key, expiresAt: Date.now() + this.ttlMs });
  }
}
