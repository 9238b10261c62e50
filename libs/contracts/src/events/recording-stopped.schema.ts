import { z } from 'zod';
import { isoDateTimeSchema } from '../shared/ids.schema';
import { recordingStartedEventSchema } from './recording-started.schema';

/** `call.v1.evt.recording.stopped`: the recording is complete and may be served. */
export const recordingStoppedEventSchema = recordingStartedEventSchema.extend({
  /** Size of the stored file, header included. */
  bytes: z.int().nonnegative(),
  /** Audio recorded, on the caller's clock. */
  durationMs: z.int().nonnegative(),
  stoppedAt: isoDateTimeSchema,
});

export type RecordingStoppedEvent = z.infer<typeof recordingStoppedEventSchema>;
