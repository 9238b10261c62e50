import { type EnvSource, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';

/** Everything llm-worker reads from its environment. */
export const llmWorkerEnv = z.object({
  ...serviceEnv(3012),
  /**
   * The `openai` provider is offered to agents when a key or a base URL is set. A local
   * OpenAI-compatible server (Ollama, vLLM, llama.cpp) needs only the base URL.
   */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** The model of agents that name none. */
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
});

export type LlmWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(llmWorkerEnv, env);
}
