import { z } from 'zod';

export const RECORDING_STATUSES = ['recording', 'completed', 'error'] as const;

/** Reference 004 §9's recording, mapped onto calls: one call may have several. */
export const recordingViewSchema = z.object({
  id: z.uuid(),
  call_id: z.uuid(),
  format: z.string(),
  content_type: z.string(),
  status: z.enum(RECORDING_STATUSES),
  size_bytes: z.number().int().nullable(),
  duration_ms: z.number().int().nullable(),
  sample_rate: z.number().int().nullable(),
  channels: z.number().int().nullable().describe('2: the caller on the left, the agent on the right'),
  started_at: z.iso.datetime().nullable(),
  stopped_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  download_url: z.string().describe('Authenticated like every API call; supports HTTP Range'),
});

/** `GET /calls/:id/recording` (reference 002): the recording and the proxy URL that streams it. */
export const callRecordingViewSchema = recordingViewSchema.extend({
  url: z.string().describe('Proxy URL of the audio; send the same API key'),
});

export const recordingDeletedViewSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

export type RecordingView = z.infer<typeof recordingViewSchema>;
export type CallRecordingView = z.infer<typeof callRecordingViewSchema>;
