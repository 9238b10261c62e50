import { type AgentConfig, type AgentToolConfig, agentToolConfigSchema, DEFAULT_VOICE_ID } from '@parley/contracts';
import type { Agent } from '@parley/db-agents';

/** The agents slice leaves these empty when the agent uses its providers' defaults. */
const DEFAULT_LANGUAGE = 'en';
const DEFAULT_LLM_MODEL = 'default';
/** The contract's bound on `knowledge`: a longer text is cut rather than failing every call. */
const MAX_KNOWLEDGE_CHARS = 100_000;

interface FaqEntry {
  readonly question: string;
  readonly answer: string;
}

/** Maps an agent row onto the call loop's `AgentConfig`: column names and defaults in one place. */
export function toAgentConfig(agent: Agent): AgentConfig {
  const knowledge = knowledgeOf(agent);
  const speed = numberField(agent.voiceSettings, 'speed');
  const tools = toolsOf(agent.tools);
  const dtmfRules = jsonObject(agent.dtmfRules);
  return {
    agentId: agent.id,
    name: agent.name,
    language: DEFAULT_LANGUAGE,
    greeting: agent.startingMessage ?? '',
    systemPrompt: agent.systemPrompt,
    voice: {
      provider: agent.ttsProvider,
      voiceId: agent.voice ?? agent.ttsModel ?? DEFAULT_VOICE_ID,
      ...(agent.ttsModel ? { model: agent.ttsModel } : {}),
      ...(speed !== undefined && speed > 0 && speed <= 4 ? { speed } : {}),
      ...elevenLabsSettings(agent.voiceSettings),
    },
    llm: { provider: agent.llmProvider, model: agent.llmModel ?? DEFAULT_LLM_MODEL },
    sttProvider: agent.sttProvider,
    limits: {
      maxDurationSec: agent.maxDurationS,
      maxTurns: agent.maxTurns,
      silenceTimeoutSec: agent.silenceTimeoutS,
    },
    knowledgeBaseIds: agent.knowledgeBaseId ? [agent.knowledgeBaseId] : [],
    recordingEnabled: agent.recordingEnabled,
    ...(knowledge ? { knowledge } : {}),
    ...(tools.length > 0 ? { tools } : {}),
    ...(dtmfRules ? { dtmfRules } : {}),
  };
}

/** Reference 002's snake_case `voice_settings` as the contract's camelCase; out-of-range values are dropped. */
function elevenLabsSettings(json: unknown): Partial<AgentConfig['voice']> {
  const unit = (field: string) => {
    const value = numberField(json, field);
    return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
  };
  const settings = {
    stability: unit('stability'),
    similarityBoost: unit('similarity_boost'),
    style: unit('style'),
    useSpeakerBoost: jsonObject(json)?.['use_speaker_boost'],
  };
  return Object.fromEntries(
    Object.entries(settings).filter(([key, value]) => (key === 'useSpeakerBoost' ? typeof value === 'boolean' : value !== undefined)),
  );
}

/** `tools` is free JSON in the database: entries the contract would refuse are skipped, not fatal. */
function toolsOf(json: unknown): AgentToolConfig[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry: unknown) => {
    const stored = jsonObject(entry);
    // Stored as the REST API wrote it: `timeout_ms`.
    const timeoutMs = stored?.['timeout_ms'];
    const tool = agentToolConfigSchema.safeParse({ description: '', parameters: { type: 'object', properties: {} }, ...stored, timeoutMs });
    return tool.success ? [tool.data] : [];
  });
}

function jsonObject(json: unknown): Record<string, unknown> | undefined {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** The knowledge text, then the FAQ as `Q:`/`A:` pairs: the format `AgentConfig.knowledge` documents. */
function knowledgeOf(agent: Agent): string | undefined {
  const parts: string[] = [];
  if (agent.knowledgeText?.trim()) parts.push(agent.knowledgeText.trim());
  for (const entry of faqEntries(agent.faq)) parts.push(`Q: ${entry.question}\nA: ${entry.answer}`);
  return parts.length > 0 ? parts.join('\n').slice(0, MAX_KNOWLEDGE_CHARS) : undefined;
}

/** `faq` is free JSON in the database: entries without both strings are skipped, not fatal. */
function faqEntries(faq: unknown): FaqEntry[] {
  if (!Array.isArray(faq)) return [];
  return faq.filter(
    (entry): entry is FaqEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as FaqEntry).question === 'string' &&
      typeof (entry as FaqEntry).answer === 'string',
  );
}

function numberField(json: unknown, field: string): number | undefined {
  const value = jsonObject(json)?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
