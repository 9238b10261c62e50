import { databaseEnv, type EnvSource, parseEnv, redisEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything rest-api reads from its environment. */
export const restApiEnv = z.object({ ...serviceEnv(3000), ...redisEnv, ...databaseEnv });

export type RestApiConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(restApiEnv, env);
}
