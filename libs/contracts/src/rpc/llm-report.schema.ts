import { z } from 'zod';
import { callOutcomeSchema } from '../events/call-reported.schema';
import { llmSettingsSchema } from '../shared/agent-config.schema';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { callIdSchema, entityIdSchema } from '../shared/ids.schema';

/**
 * `llm.v1.rpc.report`: the dialer asks for a finished call's report, written by the agent's LLM
 * provider in one non-streaming JSON-mode completion. Any failure answers with an error envelope
 * (INVALID_REQUEST for a provider the worker lacks or `local`, LLM_TIMEOUT for the model), and
 * the dialer falls back to its extractive report.
 */
export const llmReportRequestSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  llm: llmSettingsSchema,
  language: z.string().min(2).max(16).optional(),
  lines: z
    .array(z.object({ role: z.enum(['user', 'assistant']), text: z.string().max(4_000) }))
    .max(2_000),
  reason: callEndReasonSchema,
  /** Facts to extract, each answered with a string or null. */
  fields: z.array(z.string().min(1).max(64)).max(40),
});

export const llmReportReplySchema = z.object({
  summary: z.string().min(1).max(4_000),
  outcome: callOutcomeSchema,
  fields: z.record(z.string(), z.string().nullable()),
  /** The provider and model that wrote it, e.g. `openai:gpt-4o-mini`. */
  generatedBy: z.string().min(1),
});

export type LlmReportRequest = z.infer<typeof llmReportRequestSchema>;
export type LlmReportReply = z.infer<typeof llmReportReplySchema>;
