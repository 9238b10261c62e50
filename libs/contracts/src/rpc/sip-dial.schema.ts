import { z } from 'zod';
import { callIdSchema, entityIdSchema } from '../shared/ids.schema';
import { e164Schema, taskContextDataSchema } from '../shared/task.schema';
import { sipTrunkSchema } from './sip-trunk.schema';

/**
 * `dialer.v1.rpc.sip.dial` (reference 004 `POST /sip/dial`): places one outbound call now through
 * the organization's first trunk, as a task created and executed at once (the same path as
 * `task.execute`). INVALID_REQUEST "No SIP trunk configured" when the organization has none.
 */
export const sipDialRequestSchema = z.object({
  orgId: entityIdSchema,
  /** The key the call is attributed to. */
  keyId: entityIdSchema,
  agentId: entityIdSchema,
  toNumber: e164Schema,
  /** The trunk's number when absent. */
  callerId: e164Schema.optional(),
  /** A label kept on the task's name (reference 004 `room_name`). */
  roomName: z.string().trim().min(1).max(100).optional(),
  metadata: taskContextDataSchema.optional(),
  maxConcurrentCalls: z.int().positive().optional(),
});

export const sipDialReplySchema = z.object({
  callId: callIdSchema,
  taskId: entityIdSchema,
  trunk: sipTrunkSchema,
  callerId: e164Schema,
  roomName: z.string(),
});

export type SipDialRequest = z.infer<typeof sipDialRequestSchema>;
export type SipDialReply = z.infer<typeof sipDialReplySchema>;
