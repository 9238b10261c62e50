import { databaseEnv, type EnvSource, parseEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything dialer reads from its environment. */
export const dialerEnv = z.object({ ...serviceEnv(3015), ...databaseEnv });

export type DialerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(dialerEnv, env);
}
