import { z } from 'zod';
import { callIdSchema } from '../shared/ids.schema';

/**
 * `stt.v1.rpc.session.open`: the worker that answers subscribes to the call's
 * `audio-in` subject and publishes on its `transcript` subject until closed.
 */
export const sttSessionOpenRequestSchema = z.object({
  callId: callIdSchema,
  sampleRate: z.literal(16000),
  encoding: z.literal('pcm16le'),
  language: z.string().min(2).max(16),
  provider: z.string().min(1).optional(),
  /** Words the recogniser should favour (agent name, product names). */
  hints: z.array(z.string().min(1)).max(100).optional(),
});

export const sttSessionOpenReplySchema = z.object({
  callId: callIdSchema,
  /** Identifies the worker instance holding the session, for logs and sticky routing. */
  workerId: z.string().min(1),
  provider: z.string().min(1),
});

export type SttSessionOpenRequest = z.infer<typeof sttSessionOpenRequestSchema>;
export type SttSessionOpenReply = z.infer<typeof sttSessionOpenReplySchema>;
