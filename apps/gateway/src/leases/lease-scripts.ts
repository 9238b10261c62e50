/**
 * Concurrent-call leases: one sorted set per organization, member = call id, score = the
 * lease's expiry in Redis server milliseconds. Every script reads the clock from Redis
 * (`TIME`), so gateways with skewed clocks agree on what has expired. A crashed gateway
 * stops renewing, and its calls stop counting once their expiry passes. The set itself
 * expires with its last lease, so idle organizations leave nothing behind.
 */

/** Milliseconds since the epoch on the Redis server. */
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS[1] leases set; ARGV: callId, limit, ttlMs.
 * Returns 1 when the call holds a lease (re-acquiring an unexpired one only extends it), 0 at the limit.
 */
export const ACQUIRE_LEASE = `${NOW}
local ttl = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;

/**
 * KEYS[1] leases set; ARGV: callId, ttlMs.
 * Returns 1 when the lease was still live and now runs for another ttl, 0 when it had expired
 * (or was released): the slot may already belong to another call, so it is not taken back.
 */
export const RENEW_LEASE = `${NOW}
local ttl = tonumber(ARGV[2])
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiry or tonumber(expiry) <= now then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;

/** KEYS[1] leases set. Returns the number of unexpired leases. */
export const COUNT_LEASES = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
`;
