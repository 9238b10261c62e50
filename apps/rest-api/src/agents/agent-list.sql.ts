import { slice } from '@parley/db-agents';
import { isoTimestamp, type JsonPageQuery } from '../http/json-page';
import type { AgentFilter } from './agents.repository';

const AGENTS = `"${slice.schema}"."agents"`;

/**
 * One agent as `toAgentView` shows it, built by Postgres for the list page (the test
 * "the list shows each agent as GET /agents/:id does" keeps the two in step).
 */
const AGENT_JSON = `json_build_object(
  'id', a.id, 'name', a.name, 'description', a.description, 'system_prompt', a.system_prompt,
  'starting_message', a.starting_message, 'enabled', a.enabled, 'voice_settings', a.voice_settings,
  'dtmf_rules', a.dtmf_rules, 'stt_provider', a.stt_provider, 'stt_model', a.stt_model,
  'llm_provider', a.llm_provider, 'llm_model', a.llm_model, 'tts_provider', a.tts_provider,
  'tts_model', a.tts_model, 'voice', a.voice, 'max_duration_seconds', a.max_duration_s,
  'max_turns', a.max_turns, 'silence_timeout_seconds', a.silence_timeout_s,
  'recording_enabled', a.recording_enabled, 'knowledge_text', a.knowledge_text, 'faq', a.faq,
  'tools', CASE WHEN jsonb_typeof(a.tools) = 'array' THEN a.tools ELSE '[]'::jsonb END,
  'knowledge_base_id', a.knowledge_base_id,
  'created_at', ${isoTimestamp('a.created_at')}, 'updated_at', ${isoTimestamp('a.updated_at')})`;

/** `GET /agents`: an organization's agents, newest first, optionally only enabled or disabled ones. */
export function agentListQuery(orgId: string, filter: AgentFilter): JsonPageQuery {
  const byEnabled = filter.enabled !== undefined;
  return {
    name: byEnabled ? 'agents.list.enabled' : 'agents.list',
    from: `${AGENTS} a WHERE a.org_id = $1::uuid${byEnabled ? ' AND a.enabled = $2' : ''}`,
    item: AGENT_JSON,
    alias: 'a',
    newestFirst: ['created_at', 'id'],
    values: byEnabled ? [orgId, filter.enabled] : [orgId],
    limit: filter.limit,
    offset: filter.offset,
  };
}
