import { type EnvSource, parseEnv, serviceEnv } from '@parley/config';
import { z } from 'zod';

/** Everything llm-worker reads from its environment. */
export const llmWorkerEnv = z.object({ ...serviceEnv(3012) });

export type LlmWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(llmWorkerEnv, env);
}
