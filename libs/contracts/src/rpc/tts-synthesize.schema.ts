import { z } from 'zod';
import { voiceSettingsSchema } from '../shared/agent-config.schema';
import { callIdSchema, sequenceSchema, turnIdSchema } from '../shared/ids.schema';

/**
 * `tts.v1.rpc.synthesize`: speak one sentence. Frames stream on
 * `voice.v1.sess.<id>.audio-out` with the turn and sentence in their headers;
 * an `interrupt` on the call's `ctl` subject cancels the rest of the turn.
 */
export const ttsSynthesizeRequestSchema = z.object({
  callId: callIdSchema,
  turnId: turnIdSchema,
  sentenceIndex: sequenceSchema,
  text: z.string().min(1),
  voice: voiceSettingsSchema,
  sampleRate: z.literal(16000),
});

export const ttsSynthesizeReplySchema = z.object({
  turnId: turnIdSchema,
  sentenceIndex: sequenceSchema,
  accepted: z.literal(true),
});

export type TtsSynthesizeRequest = z.infer<typeof ttsSynthesizeRequestSchema>;
export type TtsSynthesizeReply = z.infer<typeof ttsSynthesizeReplySchema>;
