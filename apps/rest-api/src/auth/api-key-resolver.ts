import { Inject, Injectable } from '@nestjs/common';
import type { Plan } from '@parley/contracts';
import { slice } from '@parley/db-identity';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { SqlPool } from '../http/sql-pool';
import { API_KEY_PATTERN, hashApiKey, sameHash } from './api-key-secret';
import { KeyCache } from './key-cache';

export interface ResolvedKey {
  readonly keyId: string;
  readonly orgId: string;
  readonly plan: Plan;
  readonly agentId: string | null;
  readonly active: boolean;
  readonly hash: string;
}

/** Bounds memory under a flood of distinct made-up keys. */
const MAX_ENTRIES = 10_000;
const IDENTITY = `"${slice.schema}"`;
const LOAD_KEY = `SELECT k.id, k.org_id, o.plan, k.agent_id, k.status, k.key_hash
  FROM ${IDENTITY}."api_keys" k JOIN ${IDENTITY}."organizations" o ON o.id = k.org_id WHERE k.key_hash = $1`;

/**
 * API key → organization, plan and agent, kept in process (an LRU of `KEY_CACHE_TTL_MS`) so the
 * hot path makes no database query. A revocation drops the entry in every process at once
 * (`KeyRevocationWatch`) and marks the key in Redis, which the rate-limit round trip checks, so a
 * process that missed the event still refuses the key.
 */
@Injectable()
export class ApiKeyResolver {
  private readonly cache: KeyCache<ResolvedKey | null>;
  /** Loads under way, by key hash: concurrent misses of one key (at its expiry) share one query. */
  private readonly loading = new Map<string, Promise<ResolvedKey | null>>();

  constructor(
    @Inject(SqlPool) private readonly sql: SqlPool,
    @Inject(REST_API_CONFIG) config: RestApiConfig,
  ) {
    this.cache = new KeyCache(MAX_ENTRIES, config.KEY_CACHE_TTL_MS);
  }

  /** Null for a malformed or unknown key. */
  async resolve(raw: string): Promise<ResolvedKey | null> {
    if (!API_KEY_PATTERN.test(raw)) return null;
    const hash = hashApiKey(raw);
    const cached = this.cache.get(hash);
    if (cached) return cached.value;
    return this.loading.get(hash) ?? this.startLoad(hash);
  }

  forget(hash: string): void {
    this.cache.delete(hash);
    this.loading.delete(hash);
  }

  /** Drops the keys bound to an agent (it was deleted, and its keys may have gone with it). */
  forgetAgent(agentId: string): void {
    this.cache.deleteWhere((key) => key?.agentId === agentId);
    this.loading.clear(); // a load under way may have read the agent's keys before they went
  }

  /** Kept once loaded, unless forgotten meanwhile: then the next request loads the key again. */
  private startLoad(hash: string): Promise<ResolvedKey | null> {
    const loading: Promise<ResolvedKey | null> = this.load(hash)
      .then((key) => {
        if (this.loading.get(hash) === loading) this.cache.set(hash, key);
        return key;
      })
      .finally(() => {
        if (this.loading.get(hash) === loading) this.loading.delete(hash);
      });
    this.loading.set(hash, loading);
    return loading;
  }

  private async load(hash: string): Promise<ResolvedKey | null> {
    const [row] = await this.sql.textRows('identity.key-by-hash', LOAD_KEY, [hash]);
    // The unique index found it; the constant-time comparison keeps the final check free of timing leaks.
    if (!row || !sameHash(row[5] ?? '', hash)) return null;
    const [keyId, orgId, plan, agentId, status] = row as [string, string, Plan, string | null, string];
    return { keyId, orgId, plan, agentId, active: status === 'active', hash };
  }
}
