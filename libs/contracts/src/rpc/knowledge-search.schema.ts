import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

/**
 * `knowledge.v1.rpc.search`: the best chunks of an organization's knowledge bases for a query
 * (rest-api owns knowledge; the LLM worker asks for the local agent and the `search_kb` tool).
 * Knowledge bases of another organization are ignored, never searched.
 */
export const knowledgeSearchRequestSchema = z.object({
  orgId: entityIdSchema,
  knowledgeBaseIds: z.array(entityIdSchema).min(1).max(16),
  query: z.string().trim().min(1).max(2_000),
  topK: z.int().min(1).max(50),
});

export const knowledgeSearchReplySchema = z.object({
  results: z.array(
    z.object({
      chunkId: entityIdSchema,
      knowledgeBaseId: entityIdSchema,
      content: z.string(),
      source: z.string(),
      /** Higher is better; comparable only within one reply. */
      score: z.number(),
    }),
  ),
});

export type KnowledgeSearchRequest = z.infer<typeof knowledgeSearchRequestSchema>;
export type KnowledgeSearchReply = z.infer<typeof knowledgeSearchReplySchema>;
