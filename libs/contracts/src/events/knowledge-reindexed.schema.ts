import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/**
 * `knowledge.v1.evt.knowledge-base.reindexed`: every chunk of a knowledge base was indexed again
 * (embeddings regenerated when a provider is configured). Webhooks deliver it as `knowledge.reindexed`.
 */
export const knowledgeReindexedEventSchema = z.object({
  orgId: entityIdSchema,
  knowledgeBaseId: entityIdSchema,
  /** The reindex job's id. */
  jobId: entityIdSchema,
  chunksReindexed: z.int().nonnegative(),
  embedded: z.boolean(),
  reindexedAt: isoDateTimeSchema,
});

export type KnowledgeReindexedEvent = z.infer<typeof knowledgeReindexedEventSchema>;
