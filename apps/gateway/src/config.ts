import { type EnvSource, parseEnv, redisEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything gateway reads from its environment. */
export const gatewayEnv = z.object({ ...serviceEnv(3001), ...redisEnv });

export type GatewayConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(gatewayEnv, env);
}
