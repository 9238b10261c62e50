import { z } from 'zod';
import { sequenceSchema, turnIdSchema } from '../shared/ids.schema';

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
});

export type ReplyTextChunk = z.infer<typeof replyTextChunkSchema>;
