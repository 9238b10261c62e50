import { type EnvSource, hostList, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
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
  /**
   * Signs every custom HTTP tool request (`X-Parley-Signature`, docs/tools.md). Unset: custom
   * tools are not called, and the model hears that they are unavailable.
   */
  LLM_TOOLS_SIGNING_SECRET: z.string().min(16).optional(),
  /** Dev and tests: e.g. `localhost,127.0.0.1`. Production leaves it empty: https to public addresses only. */
  LLM_TOOLS_ALLOWED_HOSTS: hostList(),
  /** A custom tool's deadline when it sets no `timeout_ms`. */
  LLM_TOOLS_TIMEOUT_MS: wholeNumber(100, 30_000).default(5_000),
  /** At most this much of a tool's answer goes back to the model. */
  LLM_TOOLS_MAX_RESPONSE_BYTES: wholeNumber(256, 1_048_576).default(65_536),
  /** Patience for `knowledge.v1.rpc.search` (rest-api). */
  KNOWLEDGE_SEARCH_TIMEOUT_MS: wholeNumber(100, 30_000).default(2_000),
  /** Passages a search returns: to the local agent per question, to the model per `search_kb`. */
  KNOWLEDGE_SEARCH_TOP_K: wholeNumber(1, 20).default(3),
});

export type LlmWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(llmWorkerEnv, env);
}
