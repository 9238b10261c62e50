import { slice } from '@parley/db-agents';
import { type ListQuery } from '../http/json-page';
import { jsonBool, jsonRaw, jsonString, jsonTimestamp, jsonToken } from '../http/json-writer';
import type { AgentFilter } from './agents.repository';

const AGENTS = `"${slice.schema}"."agents"`;

/** The columns `writeAgent` reads, in its order. */
const COLUMNS = [
  'a.id', 'a.name', 'a.description', 'a.system_prompt', 'a.starting_message', 'a.enabled',
  'a.voice_settings', 'a.dtmf_rules', 'a.stt_provider', 'a.stt_model', 'a.llm_provider', 'a.llm_model',
  'a.tts_provider', 'a.tts_model', 'a.voice', 'a.max_duration_s', 'a.max_turns', 'a.silence_timeout_s',
  'a.recording_enabled', 'a.knowledge_text', 'a.faq',
  `CASE WHEN jsonb_typeof(a.tools) = 'array' THEN a.tools ELSE '[]'::jsonb END`,
  'a.knowledge_base_id', 'a.created_at', 'a.updated_at',
].join(', ');

/**
 * One agent as `toAgentView` shows it, written from its text columns (the spec "lists each agent
 * exactly as GET /agents/:id shows it" keeps the two in step).
 */
function writeAgent(r: readonly (string | null)[]): string {
  return (
    `{"id":${jsonToken(r[0])},"name":${jsonString(r[1])},"description":${jsonString(r[2])},` +
    `"system_prompt":${jsonString(r[3])},"starting_message":${jsonString(r[4])},"enabled":${jsonBool(r[5])},` +
    `"voice_settings":${jsonRaw(r[6])},"dtmf_rules":${jsonRaw(r[7])},"stt_provider":${jsonString(r[8])},` +
    `"stt_model":${jsonString(r[9])},"llm_provider":${jsonString(r[10])},"llm_model":${jsonString(r[11])},` +
    `"tts_provider":${jsonString(r[12])},"tts_model":${jsonString(r[13])},"voice":${jsonString(r[14])},` +
    `"max_duration_seconds":${jsonRaw(r[15])},"max_turns":${jsonRaw(r[16])},"silence_timeout_seconds":${jsonRaw(r[17])},` +
    `"recording_enabled":${jsonBool(r[18])},"knowledge_text":${jsonString(r[19])},"faq":${jsonRaw(r[20])},` +
    `"tools":${jsonRaw(r[21])},"knowledge_base_id":${jsonToken(r[22])},` +
    `"created_at":${jsonTimestamp(r[23])},"updated_at":${jsonTimestamp(r[24])}}`
  );
}

/** `GET /agents`: an organization's agents, newest first, optionally only enabled or disabled ones. */
export function agentListQuery(orgId: string, filter: AgentFilter): ListQuery {
  const byEnabled = filter.enabled !== undefined;
  return {
    name: byEnabled ? 'agents.list.enabled' : 'agents.list',
    columns: COLUMNS,
    from: `${AGENTS} a WHERE a.org_id = $1::uuid${byEnabled ? ' AND a.enabled = $2' : ''}`,
    alias: 'a',
    newestFirst: ['created_at', 'id'],
    values: byEnabled ? [orgId, filter.enabled] : [orgId],
    limit: filter.limit,
    offset: filter.offset,
    writeRow: writeAgent,
  };
}
