import { z } from 'zod';
import { callCostSchema } from '../events/call-settled.schema';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

export const meteredCallStatusSchema = z.enum(['in_progress', 'completed', 'failed']);

/** `billing.v1.rpc.usage.calls`: the metered calls of an organization, newest first (call logs). */
export const usageCallsRequestSchema = z.object({
  orgId: entityIdSchema,
  agentId: entityIdSchema.optional(),
  status: meteredCallStatusSchema.optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  limit: z.int().min(1).max(100),
  offset: z.int().nonnegative(),
});

export const meteredCallSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  status: meteredCallStatusSchema,
  reason: callEndReasonSchema.nullable(),
  startedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema.nullable(),
  durationSeconds: z.int().nonnegative(),
  points: z.int().nonnegative(),
  cost: callCostSchema,
});

export const usageCallsReplySchema = z.object({
  calls: z.array(meteredCallSchema),
  total: z.int().nonnegative(),
});

export type MeteredCallStatus = z.infer<typeof meteredCallStatusSchema>;
export type UsageCallsRequest = z.infer<typeof usageCallsRequestSchema>;
export type MeteredCall = z.infer<typeof meteredCallSchema>;
export type UsageCallsReply = z.infer<typeof usageCallsReplySchema>;
