import { createServer } from 'node:net';
import { uniqueNamespace } from '@parley/testing';
import { loadConfig } from '../src/config';

/**
 * Billing's config for a spec: the real servers from the env (else local defaults), a free
 * port, and the always-present `postgres` database, since readiness only runs `SELECT 1` and
 * the billing schema may not be migrated on this machine. Its own bus namespace: billing's durable
 * consumers must never take a running platform's events.
 */
export function specConfig(overrides: Record<string, string> = {}) {
  const defaults = loadConfig();
  const database = new URL(defaults.DATABASE_URL);
  database.pathname = '/postgres';
  const env = { PORT: '0', DATABASE_URL: database.toString(), BUS_NAMESPACE: uniqueNamespace('billing') };
  return loadConfig({ ...process.env, ...env, ...overrides });
}

/** A port nobody listens on right now, for a child process that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
