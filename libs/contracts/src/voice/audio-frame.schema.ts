import { z } from 'zod';
import { sequenceSchema, turnIdSchema } from '../shared/ids.schema';

/**
 * Audio on `audio-in`/`audio-out` is raw PCM16LE (16 kHz mono) bytes, never JSON.
 * The only check worth doing per frame is that it holds whole samples.
 */
export const audioFrameSchema = z
  // z.custom keeps the type `Uint8Array` (any backing buffer) so Node Buffers are accepted too.
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'audio frames are raw bytes' })
  .refine((bytes) => bytes.byteLength % 2 === 0, { message: 'PCM16 frames hold whole 2-byte samples' });

/** Metadata carried in NATS headers beside each audio frame. */
export const audioFrameHeadersSchema = z.object({
  seq: sequenceSchema,
  turnId: turnIdSchema.optional(),
  sentenceIndex: sequenceSchema.optional(),
  /** Last frame of a sentence (audio-out) or of the caller's stream (audio-in). */
  last: z.boolean().optional(),
});

/** NATS header names for {@link audioFrameHeadersSchema} fields. */
export const AUDIO_HEADER = {
  seq: 'Parley-Seq',
  turnId: 'Parley-Turn-Id',
  sentenceIndex: 'Parley-Sentence',
  last: 'Parley-Last',
} as const;

export type AudioFrame = Uint8Array;
export type AudioFrameHeaders = z.infer<typeof audioFrameHeadersSchema>;
