import { z } from 'zod';
import { callIdSchema, entityIdSchema } from '../shared/ids.schema';
import { e164Schema } from '../shared/task.schema';

/**
 * `dialer.v1.rpc.call.transfer`: gateway → dialer after the agent's `transfer_call` reply has been
 * spoken. The dialer owns the telephony providers and asks the call's provider for a cold transfer
 * (the caller is connected to `to`, the agent leaves the call). A call no provider carries (a web
 * client, the simulator) or a provider that cannot transfer answers `transferred: false` with the
 * reason; the agent then says it cannot transfer and the call goes on.
 */
export const callTransferRequestSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  to: e164Schema,
  /**
   * The carrier whose media stream carries the call (`twilio`, `vonage`...: the gateway's
   * `/telephony/<carrier>/` path), absent for a call on the raw or web protocol. Additive: an older
   * gateway does not send it, and a provider then refuses the transfer.
   */
  carrier: z.string().min(1).optional(),
  /** The carrier's id of the phone call from its start message (Twilio's `CallSid`), when it sent one. */
  carrierCallId: z.string().min(1).optional(),
});

export const callTransferReplySchema = z.object({
  transferred: z.boolean(),
  /** Why not, when `transferred` is false. */
  reason: z.string().optional(),
});

export type CallTransferRequest = z.infer<typeof callTransferRequestSchema>;
export type CallTransferReply = z.infer<typeof callTransferReplySchema>;
