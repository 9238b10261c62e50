import { z } from 'zod';
import { callIdSchema, entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** What a task's call achieved, as its report says it. */
export const callOutcomeSchema = z.enum(['completed', 'no_response', 'in_voicemail', 'failed']);

export const callReportSchema = z.object({
  summary: z.string(),
  outcome: callOutcomeSchema,
  /** Each field the task or agent asked for, with what the callee said, or null when not said. */
  extracted: z.record(z.string(), z.string().nullable()),
  /** `extractive` (deterministic, from the transcript) or the LLM provider that wrote it. */
  generatedBy: z.string().min(1),
});

/**
 * `dialer.v1.evt.call.reported`: the dialer wrote the report of a task's call after it ended.
 * The calls read model stores it, so `GET /calls/:id/report` serves it.
 */
export const callReportedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  taskId: entityIdSchema,
  report: callReportSchema,
  reportedAt: isoDateTimeSchema,
});

export type CallOutcome = z.infer<typeof callOutcomeSchema>;
export type CallReport = z.infer<typeof callReportSchema>;
export type CallReportedEvent = z.infer<typeof callReportedEventSchema>;
