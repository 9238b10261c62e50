import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REST_API_CONFIG, type RestApiConfig } from '../config';

/**
 * Redis marks of keys revoked recently, read in the rate-limit round trip. A mark outlives
 * every in-process cache entry (after that the database says `revoked` itself).
 */
@Injectable()
export class RevocationMarks {
  private readonly prefix: string;
  private readonly ttlMs: number;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    @Inject(REST_API_CONFIG) config: RestApiConfig,
  ) {
    this.prefix = config.REST_REDIS_PREFIX;
    this.ttlMs = Math.max(60_000, config.KEY_CACHE_TTL_MS * 2);
  }

  markOf(keyId: string): string {
    return `${this.prefix}revoked-key:${keyId}`;
  }

  /** The key was revoked recently (on any instance): the check a long-lived socket makes on open. */
  async isMarked(keyId: string): Promise<boolean> {
    return (await this.redis.exists(this.markOf(keyId))) === 1;
  }

  async mark(keyId: string): Promise<void> {
    await this.redis.set(this.markOf(keyId), '1', 'PX', this.ttlMs);
  }
}
