import { z } from 'zod';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { callIdSchema, entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** Distribution of one latency figure over a call's turns, in milliseconds. */
export const latencyStatsSchema = z
  .object({
    count: z.int().positive(),
    p50: z.number().nonnegative(),
    p95: z.number().nonnegative(),
    max: z.number().nonnegative(),
  })
  .refine((s) => s.p50 <= s.p95 && s.p95 <= s.max, { message: 'expected p50 <= p95 <= max' });

/** Per-stage latency; null when the stage never ran (e.g. the caller hung up during the greeting). */
export const callLatencySchema = z.object({
  /** End of caller speech → final transcript. */
  sttMs: latencyStatsSchema.nullable(),
  /** Reply requested → first sentence of text. */
  llmFirstSentenceMs: latencyStatsSchema.nullable(),
  /** Sentence sent to TTS → first audio frame. */
  ttsFirstAudioMs: latencyStatsSchema.nullable(),
  /** End of caller speech → first agent audio sent to the caller. */
  voiceToVoiceMs: latencyStatsSchema.nullable(),
});

/**
 * Who picked up an outbound call, as the gateway's detector judged from the callee's first
 * seconds of audio: `machine` for a long uninterrupted greeting or a beep, `human` for a short
 * greeting and a pause, `unknown` when the window passed (or the call ended) undecided.
 */
export const answeredBySchema = z.enum(['human', 'machine', 'unknown']);

/** `call.v1.evt.call.ended`: the record, the charge, the task status and webhooks follow from it. */
export const callEndedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  reason: callEndReasonSchema,
  durationMs: z.int().nonnegative(),
  turns: z.int().nonnegative(),
  endedAt: isoDateTimeSchema,
  latency: callLatencySchema,
  /** Outbound calls only (absent on inbound ones): the gateway's answering-machine verdict. */
  answeredBy: answeredBySchema.optional(),
});

export type LatencyStats = z.infer<typeof latencyStatsSchema>;
export type CallLatency = z.infer<typeof callLatencySchema>;
export type AnsweredBy = z.infer<typeof answeredBySchema>;
export type CallEndedEvent = z.infer<typeof callEndedEventSchema>;
