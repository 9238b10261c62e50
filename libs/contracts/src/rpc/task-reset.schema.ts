import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskSchema } from '../shared/task.schema';

/**
 * `dialer.v1.rpc.task.reset`: back to pending so the task can run again; CONFLICT for a task
 * that is already pending.
 */
export const taskResetRequestSchema = z.object({
  orgId: entityIdSchema,
  taskId: entityIdSchema,
});

export const taskResetReplySchema = taskSchema;

export type TaskResetRequest = z.infer<typeof taskResetRequestSchema>;
export type TaskResetReply = z.infer<typeof taskResetReplySchema>;
