import { z } from 'zod';
import { callIdSchema, entityIdSchema } from '../shared/ids.schema';

/**
 * `dialer.v1.rpc.task.execute`: places the call of a pending task now (CONFLICT for any other
 * status). The reply comes once the task is in progress and the provider was asked to dial;
 * the call's outcome arrives later through call events.
 */
export const taskExecuteRequestSchema = z.object({
  orgId: entityIdSchema,
  taskId: entityIdSchema,
});

export const taskExecuteReplySchema = z.object({
  taskId: entityIdSchema,
  callId: callIdSchema,
});

export type TaskExecuteRequest = z.infer<typeof taskExecuteRequestSchema>;
export type TaskExecuteReply = z.infer<typeof taskExecuteReplySchema>;
