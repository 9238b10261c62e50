import type { Redis } from 'ioredis';
import { Pool } from 'pg';
import type { ReadinessCheck } from './readiness-check';

/** What readiness needs of the bus; `Bus` from @parley/bus satisfies it. */
export interface Pingable {
  ping(): Promise<void>;
}

export function busCheck(bus: Pingable): ReadinessCheck {
  return { name: 'nats', check: () => bus.ping() };
}

/**
 * Fails at once while the client is reconnecting instead of queueing a PING behind the offline
 * queue, so a probe during an outage answers fast and adds nothing to the backlog.
 */
export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    check: async () => {
      if (redis.status !== 'ready') throw new Error(`redis connection is ${redis.status}`);
      const reply = await redis.ping();
      if (reply !== 'PONG') throw new Error('redis answered PING unexpectedly');
    },
  };
}

/**
 * `SELECT 1` over one pooled connection of its own, so the probe never competes with the app's
 * queries for a slot. The pool is closed with the app.
 */
export function postgresCheck(url: string, timeoutMs = 2000): ReadinessCheck {
  const pool = new Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'readiness',
  });
  // An idle probe connection dropped by the server (restart, failover) must not crash the
  // process; the next check reconnects or reports the failure in /readyz.
  pool.on('error', () => undefined);
  return {
    name: 'postgres',
    check: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
