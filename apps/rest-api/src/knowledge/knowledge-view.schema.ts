import { z } from 'zod';

const INDEXING_STATUSES = ['pending', 'indexing', 'ready', 'failed'] as const;

/** A knowledge base as the API shows it (reference 004 §11 detail), also each item of the list. */
export const knowledgeBaseViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  chunk_size: z.int(),
  chunk_overlap: z.int(),
  chunk_count: z.int(),
  total_chars: z.int(),
  indexing_status: z.enum(INDEXING_STATUSES),
  last_indexed_at: z.string().nullable(),
  created_at: z.string(),
});

/** A chunk; in lists its content is cut to 200 characters. */
export const chunkViewSchema = z.object({
  id: z.string(),
  content: z.string(),
  source: z.string(),
  chunk_index: z.int(),
  is_active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** What an upload or ingest queued: the chunks the document makes, searchable once indexed. */
export const documentAcceptedViewSchema = z.object({
  document_id: z.string(),
  source_file: z.string(),
  chunks_created: z.int(),
  indexing_status: z.enum(INDEXING_STATUSES),
});

export const reindexAcceptedViewSchema = z.object({
  job_id: z.string(),
  chunks_reindexed: z.int(),
  indexing_status: z.enum(INDEXING_STATUSES),
});

export const deletedViewSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const searchResultsViewSchema = z.object({
  /** `lexical` (PostgreSQL full-text) or `hybrid` (full-text and embeddings, fused by rank). */
  mode: z.enum(['lexical', 'hybrid']),
  results: z.array(
    z.object({
      chunk_id: z.string(),
      knowledge_base_id: z.string(),
      content: z.string(),
      source: z.string(),
      chunk_index: z.int(),
      score: z.number(),
    }),
  ),
});

export type KnowledgeBaseView = z.infer<typeof knowledgeBaseViewSchema>;
export type ChunkView = z.infer<typeof chunkViewSchema>;
export type DocumentAcceptedView = z.infer<typeof documentAcceptedViewSchema>;
export type ReindexAcceptedView = z.infer<typeof reindexAcceptedViewSchema>;
export type SearchResultsView = z.infer<typeof searchResultsViewSchema>;
