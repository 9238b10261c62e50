import { Prisma } from '@parley/db-agents';
import type { AgentFields } from './agent-fields.schema';

type AgentData = Prisma.AgentUncheckedUpdateInput;
type Column = keyof AgentData;

/** API field → column; JSON fields are handled by `jsonColumn` so `null` clears them. */
const COLUMNS = {
  name: 'name',
  system_prompt: 'systemPrompt',
  description: 'description',
  starting_message: 'startingMessage',
  enabled: 'enabled',
  stt_provider: 'sttProvider',
  stt_model: 'sttModel',
  llm_provider: 'llmProvider',
  llm_model: 'llmModel',
  tts_provider: 'ttsProvider',
  tts_model: 'ttsModel',
  voice: 'voice',
  max_duration_seconds: 'maxDurationS',
  max_turns: 'maxTurns',
  silence_timeout_seconds: 'silenceTimeoutS',
  recording_enabled: 'recordingEnabled',
  knowledge_text: 'knowledgeText',
  tools: 'tools',
  knowledge_base_id: 'knowledgeBaseId',
  voice_settings: 'voiceSettings',
  dtmf_rules: 'dtmfRules',
  faq: 'faq',
} as const satisfies Record<keyof AgentFields, Column>;

const JSON_COLUMNS: ReadonlySet<Column> = new Set(['voiceSettings', 'dtmfRules', 'faq', 'tools']);

/**
 * The columns to write for the fields a client sent; fields it left out are absent, so a patch
 * changes only what it names. A JSON column set to `null` stores SQL NULL.
 */
export function toAgentData(fields: Partial<AgentFields>): AgentData {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const column = COLUMNS[field as keyof AgentFields];
    data[column] = value === null && JSON_COLUMNS.has(column) ? Prisma.DbNull : value;
  }
  return data as AgentData;
}
