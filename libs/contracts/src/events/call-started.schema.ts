import { z } from 'zod';
import { callIdSchema, entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** `call.v1.evt.call.started`: the voice socket was accepted and the call is live. */
export const callStartedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  keyId: entityIdSchema,
  direction: z.enum(['inbound', 'outbound']),
  /** The dialer task that placed an outbound call. */
  taskId: entityIdSchema.optional(),
  /** Telephony adapter that carried the call (e.g. `raw`, `exotel`). */
  channel: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  startedAt: isoDateTimeSchema,
});

export type CallStartedEvent = z.infer<typeof callStartedEventSchema>;
