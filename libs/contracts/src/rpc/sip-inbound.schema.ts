import { z } from 'zod';
import { callIdSchema, entityIdSchema, keyHashSchema } from '../shared/ids.schema';

/**
 * `dialer.v1.rpc.sip.inbound`: a carrier adapter received a call to `to` from `from`. The adapter
 * makes a one-time dial ticket (32 random bytes) and sends only its SHA-256 hex; the dialer stores
 * it for the config of the called number, so the call's WebSocket can present the ticket to the
 * gateway (`dial.admit`) like an outbound call's. NOT_FOUND when no config has the number.
 */
export const sipInboundRequestSchema = z.object({
  to: z.string().min(1).max(32),
  from: z.string().max(64).optional(),
  ticketHash: keyHashSchema,
  /** The carrier's id of the call (Twilio `CallSid`), for logs. */
  carrierCallId: z.string().max(128).optional(),
});

export const sipInboundReplySchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  configId: entityIdSchema,
  agentId: entityIdSchema,
  /** When the ticket stops being accepted. */
  expiresAt: z.iso.datetime({ offset: true }),
});

export type SipInboundRequest = z.infer<typeof sipInboundRequestSchema>;
export type SipInboundReply = z.infer<typeof sipInboundReplySchema>;
