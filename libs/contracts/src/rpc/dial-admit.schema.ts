import { z } from 'zod';
import { agentConfigSchema } from '../shared/agent-config.schema';
import { callIdSchema, entityIdSchema, keyHashSchema } from '../shared/ids.schema';

/**
 * `dialer.v1.rpc.dial.admit`: gateway → dialer when a carrier (or the simulator) opens a call
 * with a one-time dial ticket instead of an API key (`/voice/dial/<ticket>`,
 * `/telephony/<carrier>/dial/<ticket>`). The dialer consumes the ticket atomically; an unknown,
 * used or expired ticket answers with the NOT_FOUND error envelope.
 */
export const dialAdmitRequestSchema = z.object({
  /** Hex SHA-256 of the ticket: tickets, like keys, never cross the bus in clear. */
  ticketHash: keyHashSchema,
});

export const dialAdmitReplySchema = z.object({
  /** The call id the dialer already handed out (task execute, `/sip/dial`). */
  callId: callIdSchema,
  orgId: entityIdSchema,
  /** The key the call is attributed to (the one that created the task or dialed). */
  keyId: entityIdSchema,
  /** The agent with `{{placeholders}}` already filled from the task's `context_data`. */
  agent: agentConfigSchema,
  maxConcurrentCalls: z.int().positive(),
  direction: z.enum(['inbound', 'outbound']),
  taskId: entityIdSchema.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export type DialAdmitRequest = z.infer<typeof dialAdmitRequestSchema>;
export type DialAdmitReply = z.infer<typeof dialAdmitReplySchema>;
