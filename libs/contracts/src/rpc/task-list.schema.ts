import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskSchema, taskStatusSchema } from '../shared/task.schema';

/** `dialer.v1.rpc.task.list`: an organization's tasks, newest first, with optional filters. */
export const taskListRequestSchema = z.object({
  orgId: entityIdSchema,
  agentId: entityIdSchema.optional(),
  status: taskStatusSchema.optional(),
  limit: z.int().min(1).max(100),
  offset: z.int().nonnegative(),
});

export const taskListReplySchema = z.object({
  tasks: z.array(taskSchema),
  /** Tasks matching the filters, for pagination. */
  total: z.int().nonnegative(),
});

export type TaskListRequest = z.infer<typeof taskListRequestSchema>;
export type TaskListReply = z.infer<typeof taskListReplySchema>;
