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
});

export const callTransferReplySchema = z.object({
  transferred: z.boolean(),
  /** Why not, when `transferred` is false. */
  reason: z.string().optional(),
});

export type CallTransferRequest = z.infer<typeof callTransferRequestSchema>;
export type CallTransferReply = z.infer<typeof callTransferReplySchema>;
