import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../http/paginated';
import { RECORDING_STATUSES } from './recording-view.schema';

/** `GET /recordings` (reference 004 §9): page/per_page, status, and the call in place of a room. */
export const recordingListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  status: z.enum(RECORDING_STATUSES).optional().describe('recording, completed or error'),
  call_id: z.uuid().optional().describe('Only recordings of this call'),
  agent_id: z.uuid().optional().describe('Only recordings of calls handled by this agent'),
});

export const recordingParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type RecordingListQuery = z.output<typeof recordingListQuerySchema>;
export type RecordingParams = z.output<typeof recordingParamsSchema>;
