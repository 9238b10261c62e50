import { z } from 'zod';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { turnIdSchema } from '../shared/ids.schema';

/** Barge-in: drop the turn; only `playedText` reached the caller and belongs in history. */
export const interruptControlSchema = z.object({
  type: z.literal('interrupt'),
  turnId: turnIdSchema,
  playedText: z.string().optional(),
});

/**
 * Discard queued work for the call without ending it (e.g. a supervisor whisper reset).
 * To the STT worker it is the end of the caller's utterance (the gateway's VAD decides it):
 * the audio received so far is decoded at once and answered by one final with this `turnId`.
 * The TTS worker ignores it: agent audio stops only on `interrupt` or `end`, so ending a
 * caller's utterance never cuts the agent off.
 */
export const flushControlSchema = z.object({
  type: z.literal('flush'),
  turnId: turnIdSchema.optional(),
});

/** The call is over: workers release the session's resources. */
export const endControlSchema = z.object({
  type: z.literal('end'),
  reason: callEndReasonSchema,
});

/** Gateway → workers, on `voice.v1.sess.<id>.ctl`. */
export const controlMessageSchema = z.discriminatedUnion('type', [
  interruptControlSchema,
  flushControlSchema,
  endControlSchema,
]);

export type ControlMessage = z.infer<typeof controlMessageSchema>;
export type InterruptControl = z.infer<typeof interruptControlSchema>;
