import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { slice } from '@parley/db-identity';
import { LOGGER } from '@parley/service';
import { SqlPool } from '../http/sql-pool';

/** `last_used_at` moves at most once a minute per key: close enough for "is this key in use?". */
export const KEY_USAGE_INTERVAL_MS = 60_000;
const TOUCH = `UPDATE "${slice.schema}"."api_keys" SET last_used_at = now()
  WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2::int / 1000.0))`;
/** Bounds memory: past it the oldest half of the remembered keys is forgotten (they write again). */
const MAX_REMEMBERED = 50_000;

/**
 * Records that an API key was used, throttled: each process writes a key's `last_used_at` at
 * most once per interval, off the request's path, and the statement itself skips a row written
 * within the interval (by another process). A failed write is logged, never the request's error.
 */
@Injectable()
export class KeyUsage {
  private readonly touchedAt = new Map<string, number>();

  constructor(
    @Inject(SqlPool) private readonly sql: SqlPool,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  used(keyId: string, now = Date.now()): void {
    const last = this.touchedAt.get(keyId);
    if (last !== undefined && now - last < KEY_USAGE_INTERVAL_MS) return;
    if (this.touchedAt.size >= MAX_REMEMBERED) this.forgetOldest();
    this.touchedAt.delete(keyId); // re-inserted at the young end
    this.touchedAt.set(keyId, now);
    this.sql
      .textRows('identity.key-used', TOUCH, [keyId, KEY_USAGE_INTERVAL_MS])
      .catch((err: unknown) => this.log.warn({ err, key_id: keyId }, 'api key last_used_at not written'));
  }

  private forgetOldest(): void {
    let drop = this.touchedAt.size / 2;
    for (const key of this.touchedAt.keys()) {
      if (drop-- <= 0) break;
      this.touchedAt.delete(key);
    }
  }
}
