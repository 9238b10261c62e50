import { hostList } from '@parley/config';

/**
 * Agent tool settings, spread into rest-api's env schema (config.ts). The LLM worker reads the same
 * variable, so one setting says where custom tools may point in both places.
 */
export const agentToolsEnv = {
  /**
   * Hosts (exact names or IP literals) a custom tool's URL may name over plain http. Dev and tests:
   * e.g. `localhost,127.0.0.1`. Production leaves it empty: https only.
   */
  LLM_TOOLS_ALLOWED_HOSTS: hostList(),
};
