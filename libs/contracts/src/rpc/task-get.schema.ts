import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskSchema } from '../shared/task.schema';

/**
 * `dialer.v1.rpc.task.get`: one task of the organization. Another organization's task answers
 * NOT_FOUND, exactly like a missing one.
 */
export const taskGetRequestSchema = z.object({
  orgId: entityIdSchema,
  taskId: entityIdSchema,
});

export const taskGetReplySchema = taskSchema;

export type TaskGetRequest = z.infer<typeof taskGetRequestSchema>;
export type TaskGetReply = z.infer<typeof taskGetReplySchema>;
