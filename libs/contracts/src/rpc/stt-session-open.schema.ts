import { z } from 'zod';
import { callIdSchema } from '../shared/ids.schema';

/**
 * `stt.v1.rpc.session.open`: the worker that answers subscribes to the call's
 * `audio-in` and `ctl` subjects and publishes on its `transcript` subject until the session
 * closes: `stt.v1.rpc.session.close`, an `end` on `ctl`, or no audio for the worker's idle
 * timeout. A session whose engine fails closes without a word; the gateway learns it from
 * the silence on `transcript` (see `keepaliveMs`) and opens a new one.
 */
export const sttSessionOpenRequestSchema = z.object({
  callId: callIdSchema,
  sampleRate: z.literal(16000),
  encoding: z.literal('pcm16le'),
  language: z.string().min(2).max(16),
  provider: z.string().min(1).optional(),
  /**
   * The rate the caller's audio had before the gateway resampled it to 16 kHz: 8000 for a
   * telephone call, whose audio then holds nothing above 4 kHz. Engines that model wideband
   * speech adapt to it. Absent: the audio was 16 kHz to begin with.
   */
  sourceRate: z.int().min(8000).max(48_000).optional(),
  /** Words the recogniser should favour (agent name, product names). */
  hints: z.array(z.string().min(1)).max(100).optional(),
  /**
   * Ask for an interim at least this often while the session lives (a liveness signal):
   * no transcript message for a few intervals means the worker or its session is gone.
   */
  keepaliveMs: z.int().min(100).max(10_000).optional(),
});

export const sttSessionOpenReplySchema = z.object({
  callId: callIdSchema,
  /** Identifies the worker instance holding the session, for logs and sticky routing. */
  workerId: z.string().min(1),
  provider: z.string().min(1),
});

export type SttSessionOpenRequest = z.infer<typeof sttSessionOpenRequestSchema>;
export type SttSessionOpenReply = z.infer<typeof sttSessionOpenReplySchema>;
