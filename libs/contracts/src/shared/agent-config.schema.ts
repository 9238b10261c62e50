import { z } from 'zod';
import { entityIdSchema } from './ids.schema';

/** `voiceId` of an agent that chose no voice: whatever the provider speaks by default. */
export const DEFAULT_VOICE_ID = 'default';

export const voiceSettingsSchema = z.object({
  provider: z.string().min(1),
  voiceId: z.string().min(1),
  /** The provider's model (e.g. an ElevenLabs `model_id`); the provider's default when absent. */
  model: z.string().min(1).optional(),
  speed: z.number().positive().max(4).optional(),
  /** ElevenLabs voice settings (reference 002 `voice_settings`); offline voices ignore them. */
  stability: z.number().min(0).max(1).optional(),
  similarityBoost: z.number().min(0).max(1).optional(),
  style: z.number().min(0).max(1).optional(),
  useSpeakerBoost: z.boolean().optional(),
});

export const llmSettingsSchema = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.int().positive().optional(),
});

export const callLimitsSchema = z.object({
  maxDurationSec: z.int().positive(),
  maxTurns: z.int().positive(),
  silenceTimeoutSec: z.int().positive(),
});

/**
 * A function the agent's LLM may call: a built-in (`search_kb`, `end_call`, `transfer_call`,
 * `send_dtmf`) when it has no `url`, else a custom HTTP tool the LLM worker calls.
 */
export const agentToolConfigSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  description: z.string().max(1_024),
  /** JSON Schema of the arguments (an object schema). */
  parameters: z.record(z.string(), z.unknown()),
  url: z.url().optional(),
  timeoutMs: z.int().positive().max(30_000).optional(),
});

/** Everything the call loop needs to run an agent, as resolved from its key. */
export const agentConfigSchema = z.object({
  agentId: entityIdSchema,
  name: z.string().min(1),
  language: z.string().min(2).max(16),
  greeting: z.string(),
  systemPrompt: z.string(),
  voice: voiceSettingsSchema,
  llm: llmSettingsSchema,
  sttProvider: z.string().min(1),
  limits: callLimitsSchema,
  knowledgeBaseIds: z.array(entityIdSchema),
  /**
   * What the agent may answer from besides its knowledge bases (the agent's knowledge text and
   * FAQ): one entry per line, written `Topic: answer`, or as `Q: question` / `A: answer` pairs.
   */
  knowledge: z.string().max(100_000).optional(),
  /** Said when the agent has no answer; the LLM worker's default when absent. */
  fallbackMessage: z.string().min(1).max(500).optional(),
  /** Record the call (stereo WAV); on when absent. */
  recordingEnabled: z.boolean().optional(),
  /** Tools offered to the LLM; none when absent. */
  tools: z.array(agentToolConfigSchema).max(64).optional(),
  /** Reference 002 `dtmf_rules`, as the client wrote them: what keypad digits mean to the agent. */
  dtmfRules: z.record(z.string(), z.unknown()).optional(),
});

export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
export type LlmSettings = z.infer<typeof llmSettingsSchema>;
export type CallLimits = z.infer<typeof callLimitsSchema>;
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentToolConfig = z.infer<typeof agentToolConfigSchema>;
