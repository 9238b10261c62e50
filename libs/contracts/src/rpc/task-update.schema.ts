import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskFieldsSchema, taskSchema } from '../shared/task.schema';

/**
 * `dialer.v1.rpc.task.update`: a partial update, allowed only while the task is pending
 * (CONFLICT otherwise); NOT_FOUND for a task of another organization.
 */
export const taskUpdateRequestSchema = z.object({
  orgId: entityIdSchema,
  taskId: entityIdSchema,
  changes: taskFieldsSchema.partial(),
});

export const taskUpdateReplySchema = taskSchema;

export type TaskUpdateRequest = z.infer<typeof taskUpdateRequestSchema>;
export type TaskUpdateReply = z.infer<typeof taskUpdateReplySchema>;
