import { z } from 'zod';
import { entityIdSchema } from './ids.schema';

export const voiceSettingsSchema = z.object({
  provider: z.string().min(1),
  voiceId: z.string().min(1),
  speed: z.number().positive().max(4).optional(),
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
});

export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
export type LlmSettings = z.infer<typeof llmSettingsSchema>;
export type CallLimits = z.infer<typeof callLimitsSchema>;
export type AgentConfig = z.infer<typeof agentConfigSchema>;
