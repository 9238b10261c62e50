import { z } from 'zod';
import { durationMsSchema, sequenceSchema, turnIdSchema } from '../shared/ids.schema';

/**
 * Caller speech recognised by the STT worker, on `voice.v1.sess.<id>.transcript`.
 * Interim results may be revised by later ones; a final result closes the utterance.
 * Times are relative to the start of the call's audio; `seq` counts the session's messages.
 *
 * Every `flush` on the call's `ctl` subject is answered by exactly one final carrying the
 * flush's `turnId`, with empty text when the utterance held no words. Finals without a
 * `turnId` are ones the worker closed by itself (long silence, session close); the caller's
 * turn is every final since the previous flush answer. With `keepaliveMs` set at session
 * open, the worker also repeats the current interim (empty text between utterances) at that
 * interval, so silence on this subject means the session is gone.
 */
export const transcriptMessageSchema = z
  .object({
    kind: z.enum(['interim', 'final']),
    text: z.string(),
    confidence: z.number().min(0).max(1).optional(),
    startMs: durationMsSchema,
    endMs: durationMsSchema,
    seq: sequenceSchema,
    /** On a final: the `turnId` of the `flush` it answers. */
    turnId: turnIdSchema.optional(),
  })
  .refine((t) => t.endMs >= t.startMs, { message: 'endMs must not precede startMs', path: ['endMs'] });

export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
