import { BUILTIN_TOOLS, type BuiltinToolName, isBuiltinTool } from '@parley/contracts';
import type { Agent } from '@parley/db-agents';
import { ApiError } from '../http/api-error';
import type { ValidationIssue } from '../http/zod-validation';
import type { AgentTool } from './agent-fields.schema';
import type { AgentToolsView } from './agent-view.schema';
import { toolsOf } from './agent-view.mapper';

type ListedTool = AgentToolsView['tools'][number];

function builtin(name: BuiltinToolName): ListedTool {
  return { name, description: BUILTIN_TOOLS[name].description, parameters: BUILTIN_TOOLS[name].parameters, type: 'builtin' };
}

/**
 * `GET /agents/:id/tools`: what the agent's LLM is offered, as the LLM worker decides it —
 * `end_call` always, `search_kb` when a knowledge base is attached, the other built-ins the agent
 * names (with the platform's descriptions), then its custom HTTP tools as configured.
 */
export function listTools(agent: Agent): AgentToolsView {
  const tools = new Map<string, ListedTool>([['end_call', builtin('end_call')]]);
  if (agent.knowledgeBaseId) tools.set('search_kb', builtin('search_kb'));
  for (const tool of toolsOf(agent)) {
    if (tools.has(tool.name)) continue;
    if (tool.url && !isBuiltinTool(tool.name)) tools.set(tool.name, customTool(tool, tool.url));
    else if (!tool.url && isBuiltinTool(tool.name) && tool.name !== 'search_kb') tools.set(tool.name, builtin(tool.name));
  }
  return { tools: [...tools.values()] };
}

function customTool(tool: AgentTool, url: string): ListedTool {
  return {
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    type: 'http',
    url,
    ...(tool.timeout_ms !== undefined ? { timeout_ms: tool.timeout_ms } : {}),
  };
}

/**
 * Custom tools must use https; plain http only for the hosts `LLM_TOOLS_ALLOWED_HOSTS` names (a
 * receiver on the developer's machine). The LLM worker checks again, with DNS, when it calls.
 */
export function assertToolUrls(tools: readonly AgentTool[] | undefined, allowedHosts: readonly string[]): void {
  const issues: ValidationIssue[] = [];
  for (const [i, tool] of (tools ?? []).entries()) {
    if (!tool.url) continue;
    const url = new URL(tool.url);
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (url.protocol !== 'https:' && !allowedHosts.includes(host)) {
      issues.push({ location: 'body', path: `tools.${i}.url`, message: 'must be an https URL' });
    }
  }
  if (issues.length > 0) throw ApiError.invalid(`Invalid body.${issues[0].path}: ${issues[0].message}`, { issues });
}
