import { z } from 'zod';
import { callIdSchema, entityIdSchema, isoDateTimeSchema, sequenceSchema } from '../shared/ids.schema';

/**
 * `call.v1.evt.transcript.appended`: one final line of the conversation. `seq` orders
 * lines within a call and, with `callId`, makes the line idempotent to store.
 */
export const transcriptAppendedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  seq: sequenceSchema,
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  /** The agent was interrupted: `text` is only what the caller actually heard. */
  interrupted: z.boolean().optional(),
  at: isoDateTimeSchema,
});

export type TranscriptAppendedEvent = z.infer<typeof transcriptAppendedEventSchema>;
