import { type AgentToolConfig, BUILTIN_TOOLS, type BuiltinToolName, isBuiltinTool, type LlmAgentConfig } from '@parley/contracts';

/** A tool as the model is offered it; `url` only on custom HTTP tools. */
export type OfferedTool = AgentToolConfig;

export type CustomTool = AgentToolConfig & { readonly url: string };

function builtin(name: BuiltinToolName): OfferedTool {
  return { name, ...BUILTIN_TOOLS[name] };
}

/**
 * The tools an agent's model may call this turn: `end_call` always, `search_kb` when the agent has
 * knowledge bases, the other built-ins the agent names, and its custom HTTP tools. A name the
 * platform reserves is never a custom tool, and an entry without a URL that names no built-in is
 * skipped (rest-api refuses both; the worker does not trust stored JSON).
 */
export function offeredTools(agent: LlmAgentConfig): OfferedTool[] {
  const tools = new Map<string, OfferedTool>([['end_call', builtin('end_call')]]);
  if (agent.knowledgeBaseIds.length > 0) tools.set('search_kb', builtin('search_kb'));
  for (const tool of agent.tools ?? []) {
    if (tools.has(tool.name)) continue;
    if (tool.url && !isBuiltinTool(tool.name)) tools.set(tool.name, tool);
    else if (!tool.url && isBuiltinTool(tool.name) && tool.name !== 'search_kb') tools.set(tool.name, builtin(tool.name));
  }
  return [...tools.values()];
}

export function isCustomTool(tool: OfferedTool): tool is CustomTool {
  return tool.url !== undefined;
}
