import { z } from 'zod';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { callIdSchema, entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** Money per stage, in `currency`, rounded to 6 decimals. */
export const callCostSchema = z.object({
  llm: z.number().nonnegative(),
  stt: z.number().nonnegative(),
  tts: z.number().nonnegative(),
  total: z.number().nonnegative(),
  currency: z.string().length(3),
});

/** What a call used, summed over its usage events. */
export const callUsageSchema = z.object({
  seconds: z.int().nonnegative(),
  sttAudioSeconds: z.number().nonnegative(),
  llmInputTokens: z.int().nonnegative(),
  llmOutputTokens: z.int().nonnegative(),
  ttsCharacters: z.int().nonnegative(),
});

/**
 * `billing.v1.evt.call.settled`: the call's final charge is in the ledger. `points` is what the
 * call cost in total; `unpaidPoints` what the balance could not cover (0 unless it ran out).
 */
export const callSettledEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  reason: callEndReasonSchema,
  points: z.int().nonnegative(),
  unpaidPoints: z.int().nonnegative(),
  cost: callCostSchema,
  usage: callUsageSchema,
  settledAt: isoDateTimeSchema,
});

export type CallCost = z.infer<typeof callCostSchema>;
export type CallUsage = z.infer<typeof callUsageSchema>;
export type CallSettledEvent = z.infer<typeof callSettledEventSchema>;
