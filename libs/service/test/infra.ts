import { databaseEnv, natsEnv, parseEnv, redisEnv } from '@parley/config';
import { z } from 'zod';

/** The real servers these specs run against: env URLs, else the local defaults. */
export const infra = parseEnv(z.object({ ...natsEnv, ...redisEnv, ...databaseEnv }));

/** Readiness only needs a database that always exists; the app's own may not be migrated yet. */
export function maintenanceDatabaseUrl(url: string): string {
  const target = new URL(url);
  target.pathname = '/postgres';
  return target.toString();
}
