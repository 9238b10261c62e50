import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REST_API_CONFIG, type RestApiConfig } from '../config';

/** Reference 002: "The session token is valid for 5 minutes". */
export const LIVE_TOKEN_TTL_S = 300;

export interface LiveGrant {
  readonly orgId: string;
  readonly callId: string;
}

/**
 * Short-lived tokens for one call's live transcript socket (`?session_token=`), for browsers
 * that must not hold an API key. Random, stored in Redis only as a hash with a 5-minute expiry,
 * so every instance accepts them and a leaked Redis dump cannot be replayed.
 */
@Injectable()
export class LiveSessionTokens {
  private readonly prefix: string;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    @Inject(REST_API_CONFIG) config: RestApiConfig,
  ) {
    this.prefix = `${config.REST_REDIS_PREFIX}live-token:`;
  }

  async issue(grant: LiveGrant): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), JSON.stringify(grant), 'EX', LIVE_TOKEN_TTL_S);
    return { token, expiresAt: new Date(Date.now() + LIVE_TOKEN_TTL_S * 1000) };
  }

  /** The grant of a token that is still valid for `callId`; null otherwise. */
  async verify(token: string, callId: string): Promise<LiveGrant | null> {
    if (!token || token.length > 128) return null;
    const stored = await this.redis.get(this.key(token));
    if (!stored) return null;
    const grant = JSON.parse(stored) as LiveGrant;
    return grant.callId === callId ? grant : null;
  }

  private key(token: string): string {
    return this.prefix + createHash('sha256').update(token).digest('hex');
  }
}
