import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * One round trip: refuses at once when the revocation mark (KEYS[2]) exists, else trims the
 * window (KEYS[1], a sorted set of request times), counts and admits. Redis's clock, so every
 * rest-api instance measures the same window. Returns {admitted (1/0/-1 revoked), remaining,
 * oldest entry + window (ms), now (ms)}.
 */
const SLIDING_WINDOW = `
if #KEYS > 1 and redis.call('EXISTS', KEYS[2]) == 1 then return {-1, 0, 0, 0} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local admitted = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  count = count + 1
  admitted = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local resetAt = now + window
if oldest[2] then resetAt = tonumber(oldest[2]) + window end
return {admitted, math.max(limit - count, 0), resetAt, now}
`;

export type RateDecision =
  | { readonly kind: 'revoked' }
  | {
      readonly kind: 'admitted' | 'limited';
      readonly limit: number;
      readonly remaining: number;
      /** Unix seconds when the oldest counted request leaves the window. */
      readonly resetAt: number;
      /** Whole seconds until a request would be admitted again (0 when admitted). */
      readonly retryAfter: number;
    };

type RateLimitCommand = (...args: (string | number)[]) => Promise<[number, number, number, number]>;

/** Per-caller sliding-window rate limit in Redis, shared by every rest-api instance. */
export class RateLimiter {
  private readonly run: RateLimitCommand;
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(
    redis: Redis,
    private readonly options: { readonly keyPrefix: string; readonly windowMs: number },
  ) {
    // defineCommand sends EVALSHA and falls back to EVAL once after a Redis restart.
    redis.defineCommand('parleySlidingWindow', { lua: SLIDING_WINDOW });
    const command = (redis as unknown as Record<string, RateLimitCommand>)['parleySlidingWindow'];
    this.run = command.bind(redis);
  }

  /**
   * Counts one request of `bucket` (`key:<id>`, `user:<id>`) against `limit` per window. With
   * `revocationMark`, a key revoked on any instance is refused in the same round trip.
   */
  async take(bucket: string, limit: number, revocationMark?: string): Promise<RateDecision> {
    const keys = [`${this.options.keyPrefix}rate:${bucket}`];
    if (revocationMark) keys.push(revocationMark);
    const member = `${this.instance}:${(this.sequence += 1)}`;
    const [admitted, remaining, resetAtMs, nowMs] = await this.run(keys.length, ...keys, this.options.windowMs, limit, member);
    if (admitted === -1) return { kind: 'revoked' };
    return {
      kind: admitted === 1 ? 'admitted' : 'limited',
      limit,
      remaining,
      resetAt: Math.ceil(resetAtMs / 1000),
      retryAfter: admitted === 1 ? 0 : Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)),
    };
  }
}
