import { z } from 'zod';
import { DTMF_DIGITS } from '../shared/builtin-tools';
import { sequenceSchema, turnIdSchema } from '../shared/ids.schema';
import { e164Schema } from '../shared/task.schema';

/**
 * One sentence of the agent's reply, streamed by the LLM worker on
 * `voice.v1.sess.<id>.reply-text` so TTS can start before the reply is complete.
 * `final` marks the last chunk of the turn (its text may be empty).
 */
export const replyTextChunkSchema = z.object({
  turnId: turnIdSchema,
  sentenceIndex: sequenceSchema,
  text: z.string(),
  final: z.boolean(),
  /** Set on the final chunk when the agent decided to end the call (e.g. after a goodbye). */
  endCall: z.boolean().optional(),
  /** Set on the final chunk when a model produced the reply: its tokens, for cost reporting. */
  usage: z.object({ inputTokens: z.int().nonnegative(), outputTokens: z.int().nonnegative() }).optional(),
  /** Set on the final chunk when the agent transfers the caller (`transfer_call`) once the reply is spoken. */
  transfer: z.object({ to: e164Schema }).optional(),
  /** Set on the final chunk when the agent presses keys (`send_dtmf`): played as tones after the reply. */
  dtmf: z.string().regex(DTMF_DIGITS).optional(),
});

export type ReplyTextChunk = z.infer<typeof replyTextChunkSchema>;
