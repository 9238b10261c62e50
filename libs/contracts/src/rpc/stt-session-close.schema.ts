import { z } from 'zod';
import { callIdSchema, durationMsSchema } from '../shared/ids.schema';

/**
 * `stt.v1.rpc.session.close`: flush the last transcript and free the session. Only the worker
 * holding the session can close it, so every STT worker receives this request (each in a queue
 * group of its own): the holder answers once the last final is published; the others answer
 * `closed: false` after a grace of one second, so a session nobody holds still gets an answer.
 */
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
