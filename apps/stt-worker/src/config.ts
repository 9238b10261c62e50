import { type EnvSource, parseEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything stt-worker reads from its environment. */
export const sttWorkerEnv = z.object({ ...serviceEnv(3011) });

export type SttWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(sttWorkerEnv, env);
}
