import { BUILTIN_TOOL_NAMES, isBuiltinTool } from '@parley/contracts';
import { z } from 'zod';
import { PROVIDERS } from './provider-catalog';

/** ElevenLabs voice settings (reference 002 `voice_settings`); `speed` also paces the offline voices. */
export const voiceSettingsSchema = z.strictObject({
  stability: z.number().min(0).max(1).optional(),
  similarity_boost: z.number().min(0).max(1).optional(),
  style: z.number().min(0).max(1).optional(),
  use_speaker_boost: z.boolean().optional(),
  speed: z.number().min(0.5).max(2).optional(),
});

/** Reference 002 leaves the format of `dtmf_rules` to the client: any JSON object. */
export const dtmfRulesSchema = z.record(z.string(), z.unknown());

/** A question the agent answers word for word (the local LLM matches callers' questions to these). */
export const faqEntrySchema = z.strictObject({
  question: z.string().trim().min(1).max(1_000),
  answer: z.string().trim().min(1).max(4_000),
});

/**
 * A function the LLM may call (OpenAI's rules for the name; `parameters` is a JSON Schema object):
 * a built-in the platform runs (`search_kb`, `end_call`, `transfer_call`, `send_dtmf`) when it has
 * no `url`, else a custom HTTP tool the LLM worker POSTs to (docs/tools.md). Whether an `http://`
 * URL is allowed depends on the config, so the service checks the scheme (`assertToolUrls`).
 */
export const agentToolSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'),
    description: z.string().max(1_024).default(''),
    parameters: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
    url: z.url({ protocol: /^https?$/, error: 'must be an https URL' }).max(2_048).optional(),
    /** How long the LLM worker waits for the tool's answer; 5 s when absent. */
    timeout_ms: z.int().min(100).max(30_000).optional(),
  })
  .superRefine((tool, ctx) => {
    if (tool.url === undefined && !isBuiltinTool(tool.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `a custom tool needs a url; tools without one are built-ins: ${BUILTIN_TOOL_NAMES.join(', ')}`,
      });
    }
    if (tool.url !== undefined && isBuiltinTool(tool.name)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'is a built-in tool: leave out url to enable it' });
    }
    if (tool.url === undefined && tool.timeout_ms !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['timeout_ms'], message: 'only a custom tool (with a url) has a timeout' });
    }
  });

const toolsSchema = z
  .array(agentToolSchema)
  .max(64)
  .refine((tools) => new Set(tools.map((tool) => tool.name)).size === tools.length, {
    message: 'tool names must be unique',
  });

const modelSchema = z.string().trim().min(1).max(200);

/**
 * Every field a client may set on an agent, all optional, in the API's snake_case. Nullable
 * fields clear with `null`. Create adds what is required; patch takes any subset.
 */
export const agentFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  system_prompt: z.string().trim().min(1).max(20_000),
  description: z.string().max(2_000).nullable(),
  /** Spoken as soon as the call connects: the greeting. */
  starting_message: z.string().max(2_000).nullable(),
  enabled: z.boolean(),
  voice_settings: voiceSettingsSchema.nullable(),
  dtmf_rules: dtmfRulesSchema.nullable(),
  stt_provider: z.enum(PROVIDERS.stt),
  stt_model: modelSchema.nullable(),
  llm_provider: z.enum(PROVIDERS.llm),
  llm_model: modelSchema.nullable(),
  tts_provider: z.enum(PROVIDERS.tts),
  tts_model: modelSchema.nullable(),
  voice: z.string().trim().min(1).max(200).nullable(),
  max_duration_seconds: z.int().min(10).max(4 * 60 * 60),
  max_turns: z.int().min(1).max(1_000),
  silence_timeout_seconds: z.int().min(1).max(600),
  recording_enabled: z.boolean(),
  /** What the agent may answer from: lines like `Hours: 9 to 5`. */
  knowledge_text: z.string().max(100_000).nullable(),
  faq: z.array(faqEntrySchema).max(500).nullable(),
  tools: toolsSchema,
  knowledge_base_id: z.uuid().nullable(),
});

export type AgentFields = z.infer<typeof agentFieldsSchema>;
export type AgentTool = z.infer<typeof agentToolSchema>;
