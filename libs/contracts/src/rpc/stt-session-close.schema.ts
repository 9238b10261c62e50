import { z } from 'zod';
import { callIdSchema, durationMsSchema } from '../shared/ids.schema';

/** `stt.v1.rpc.session.close`: flush the last transcript and free the session. */
export const sttSessionCloseRequestSchema = z.object({
  callId: callIdSchema,
});

export const sttSessionCloseReplySchema = z.object({
  callId: callIdSchema,
  /** False when no worker held the session any more (already closed or lost). */
  closed: z.boolean(),
  audioMs: durationMsSchema,
});

export type SttSessionCloseRequest = z.infer<typeof sttSessionCloseRequestSchema>;
export type SttSessionCloseReply = z.infer<typeof sttSessionCloseReplySchema>;
