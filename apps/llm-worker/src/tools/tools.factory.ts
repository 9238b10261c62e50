import type { Bus } from '@parley/bus';
import type { Logger } from '@parley/logging';
import type { LlmWorkerConfig } from '../config';
import { HttpToolCaller } from './http-tool-caller';
import { BusKnowledgeSearch, type KnowledgeSearch } from './knowledge-search';
import { ToolRunner } from './tool-runner';

/** What the providers share: the knowledge search and the runner of the model's tools. */
export interface AgentTools {
  readonly knowledge: KnowledgeSearch;
  readonly runner: ToolRunner;
  readonly searchTopK: number;
}

export function createAgentTools(config: LlmWorkerConfig, bus: Bus, logger: Logger): AgentTools {
  const log = logger.child({ component: 'tools' });
  const knowledge = new BusKnowledgeSearch(bus, config.KNOWLEDGE_SEARCH_TIMEOUT_MS, log);
  if (!config.LLM_TOOLS_SIGNING_SECRET) log.info('LLM_TOOLS_SIGNING_SECRET is not set: custom HTTP tools will not be called');
  const http = new HttpToolCaller(
    {
      signingSecret: config.LLM_TOOLS_SIGNING_SECRET,
      allowedHosts: config.LLM_TOOLS_ALLOWED_HOSTS,
      defaultTimeoutMs: config.LLM_TOOLS_TIMEOUT_MS,
      maxResponseBytes: config.LLM_TOOLS_MAX_RESPONSE_BYTES,
    },
    log,
  );
  const searchTopK = config.KNOWLEDGE_SEARCH_TOP_K;
  return { knowledge, runner: new ToolRunner({ knowledge, http, searchTopK }), searchTopK };
}
