import { databaseEnv, type EnvSource, parseEnv, redisEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything billing reads from its environment. */
export const billingEnv = z.object({ ...serviceEnv(3014), ...redisEnv, ...databaseEnv });

export type BillingConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(billingEnv, env);
}
