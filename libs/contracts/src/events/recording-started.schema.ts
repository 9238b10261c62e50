import { z } from 'zod';
import { callIdSchema, entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/**
 * `call.v1.evt.recording.started`: the call's recording is being written. `path` is relative
 * to the recordings root: a file under `RECORDINGS_DIR`, or a key in the S3 bucket (libs/recordings).
 */
export const recordingStartedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  recordingId: entityIdSchema,
  path: z.string().min(1),
  format: z.literal('wav'),
  sampleRate: z.int().positive(),
  /** 2: the caller on the left, what the agent actually played on the right. */
  channels: z.int().min(1).max(2),
  startedAt: isoDateTimeSchema,
});

export type RecordingStartedEvent = z.infer<typeof recordingStartedEventSchema>;
