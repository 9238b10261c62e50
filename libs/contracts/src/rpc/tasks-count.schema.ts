import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

/**
 * `dialer.v1.rpc.tasks.count`: rest-api → dialer, how many of an agent's tasks are in the given
 * statuses (the dialer owns tasks). Deleting an agent asks for `pending` and `in_progress`.
 */
export const tasksCountRequestSchema = z.object({
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  statuses: z.array(z.enum(['pending', 'in_progress', 'completed', 'failed'])).min(1),
});

export const tasksCountReplySchema = z.object({
  count: z.int().nonnegative(),
});

export type TasksCountRequest = z.infer<typeof tasksCountRequestSchema>;
export type TasksCountReply = z.infer<typeof tasksCountReplySchema>;
