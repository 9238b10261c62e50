import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/**
 * `knowledge.v1.evt.document.uploaded`: an uploaded or ingested document is chunked and indexed
 * (searchable). `documentId` is the indexing job's id; webhooks deliver it as
 * `knowledge.document_uploaded`.
 */
export const knowledgeDocumentUploadedEventSchema = z.object({
  orgId: entityIdSchema,
  knowledgeBaseId: entityIdSchema,
  documentId: entityIdSchema,
  source: z.string().min(1),
  chunksCreated: z.int().nonnegative(),
  /** True when embeddings were stored beside the chunks (a provider is configured). */
  embedded: z.boolean(),
  indexedAt: isoDateTimeSchema,
});

export type KnowledgeDocumentUploadedEvent = z.infer<typeof knowledgeDocumentUploadedEventSchema>;
