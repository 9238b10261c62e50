import { type EnvSource, parseEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything tts-worker reads from its environment. */
export const ttsWorkerEnv = z.object({ ...serviceEnv(3013) });

export type TtsWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(ttsWorkerEnv, env);
}
