import type { Agent } from '@parley/db-agents';
import type { AgentFields, AgentTool } from './agent-fields.schema';
import type { AgentView } from './agent-view.schema';

/**
 * A row as the API shows it. JSON columns were validated on the way in, so they are passed
 * through as stored; provider columns hold only catalog names for the same reason.
 */
export function toAgentView(agent: Agent): AgentView {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description,
    system_prompt: agent.systemPrompt,
    starting_message: agent.startingMessage,
    enabled: agent.enabled,
    voice_settings: agent.voiceSettings as AgentFields['voice_settings'],
    dtmf_rules: agent.dtmfRules as AgentFields['dtmf_rules'],
    stt_provider: agent.sttProvider as AgentFields['stt_provider'],
    stt_model: agent.sttModel,
    llm_provider: agent.llmProvider as AgentFields['llm_provider'],
    llm_model: agent.llmModel,
    tts_provider: agent.ttsProvider as AgentFields['tts_provider'],
    tts_model: agent.ttsModel,
    voice: agent.voice,
    max_duration_seconds: agent.maxDurationS,
    max_turns: agent.maxTurns,
    silence_timeout_seconds: agent.silenceTimeoutS,
    recording_enabled: agent.recordingEnabled,
    knowledge_text: agent.knowledgeText,
    faq: agent.faq as AgentFields['faq'],
    tools: toolsOf(agent),
    knowledge_base_id: agent.knowledgeBaseId,
    created_at: agent.createdAt.toISOString(),
    updated_at: agent.updatedAt.toISOString(),
  };
}

export function toolsOf(agent: Agent): AgentTool[] {
  return Array.isArray(agent.tools) ? (agent.tools as AgentTool[]) : [];
}
