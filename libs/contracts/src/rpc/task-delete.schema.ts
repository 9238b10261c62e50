import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

/**
 * `dialer.v1.rpc.task.delete`: allowed only for a pending or failed task (CONFLICT otherwise,
 * since a call may be live or its result matters); NOT_FOUND for another organization's task.
 */
export const taskDeleteRequestSchema = z.object({
  orgId: entityIdSchema,
  taskId: entityIdSchema,
});

export const taskDeleteReplySchema = z.object({
  taskId: entityIdSchema,
  deleted: z.literal(true),
});

export type TaskDeleteRequest = z.infer<typeof taskDeleteRequestSchema>;
export type TaskDeleteReply = z.infer<typeof taskDeleteReplySchema>;
