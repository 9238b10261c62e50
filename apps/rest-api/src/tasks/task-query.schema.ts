import { taskStatusSchema } from '@parley/contracts';
import { z } from 'zod';
import { paginationQuery } from '../http/paginated';

/** `GET /api/v1/tasks?agent_id=&status=&limit=&offset=` (reference 002). */
export const taskListQuerySchema = z.object({
  ...paginationQuery,
  agent_id: z.uuid().optional(),
  status: taskStatusSchema.optional(),
});

/** `:id` is checked by the dialer: an id that names no task of the caller is 404, never 400. */
export const taskParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type TaskListQuery = z.output<typeof taskListQuerySchema>;
