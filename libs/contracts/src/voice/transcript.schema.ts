import { z } from 'zod';
import { durationMsSchema, sequenceSchema } from '../shared/ids.schema';

/**
 * Caller speech recognised by the STT worker, on `voice.v1.sess.<id>.transcript`.
 * Interim results may be revised by later ones; a final result closes the utterance.
 * Times are relative to the start of the call's audio.
 */
export const transcriptMessageSchema = z
  .object({
    kind: z.enum(['interim', 'final']),
    text: z.string(),
    confidence: z.number().min(0).max(1).optional(),
    startMs: durationMsSchema,
    endMs: durationMsSchema,
    seq: sequenceSchema,
  })
  .refine((t) => t.endMs >= t.startMs, { message: 'endMs must not precede startMs', path: ['endMs'] });

export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
