import { z } from 'zod';
import { paginationQuery } from '../http/paginated';
import { CALL_STATUSES } from './call-status';

/** `GET /calls` (reference 002): task_id, agent_id and status filters, limit/offset pages. */
export const callListQuerySchema = z.object({
  ...paginationQuery,
  task_id: z.uuid().optional().describe('Only calls placed for this task'),
  agent_id: z.uuid().optional().describe('Only calls handled by this agent'),
  status: z.enum(CALL_STATUSES).optional().describe('initiated, in_progress, completed or failed'),
});

/** Any id is accepted: one that is not a call of the caller's organization is simply 404. */
export const callParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type CallListQuery = z.output<typeof callListQuerySchema>;
export type CallParams = z.output<typeof callParamsSchema>;
