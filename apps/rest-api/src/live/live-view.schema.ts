import { z } from 'zod';

/** Reference 002's live transcript socket: the message types it sends. */
export const LIVE_MESSAGE_TYPES = ['connected', 'transcript_update', 'call_status_update', 'error'] as const;

/** `GET /calls/:id/live` (reference 002), field for field. */
export const liveConnectionViewSchema = z.object({
  websocket_url: z.string(),
  call_id: z.string(),
  temp_token: z.string().describe('Session token for ?session_token=, valid 5 minutes'),
  expires_at: z.string().describe('When temp_token stops being accepted'),
  connection_info: z.object({
    url: z.string(),
    auth_method: z.literal('query_param'),
    auth_param: z.literal('api_key'),
    temp_auth_param: z.literal('session_token'),
    example: z.string(),
    example_session: z.string(),
    message_format: z.literal('json'),
    message_types: z.array(z.enum(LIVE_MESSAGE_TYPES)),
  }),
});

export type LiveConnectionView = z.output<typeof liveConnectionViewSchema>;
