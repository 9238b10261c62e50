import { databaseEnv, type EnvSource, parseEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything webhooks reads from its environment. */
export const webhooksEnv = z.object({ ...serviceEnv(3016), ...databaseEnv });

export type WebhooksConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(webhooksEnv, env);
}
