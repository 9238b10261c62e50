import { z } from 'zod';
import { MAX_PAGE_SIZE, queryBoolean } from '../http/paginated';

/** Any id is accepted in a path: one that is not a knowledge base of the caller's organization is 404. */
export const knowledgeBaseParamsSchema = z.object({ kbId: z.string().min(1).max(64) });
export const chunkParamsSchema = z.object({ kbId: z.string().min(1).max(64), chunkId: z.string().min(1).max(64) });

/** `POST /knowledge-bases` (reference 004 §11): chunk_size 500 and chunk_overlap 50 by default. */
export const knowledgeBaseCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('Knowledge base name'),
    description: z.string().max(2_000).optional(),
    chunk_size: z.int().min(100).max(8_000).default(500).describe('Characters per chunk'),
    chunk_overlap: z.int().min(0).max(2_000).default(50).describe('Characters repeated from the previous chunk'),
  })
  .refine((body) => body.chunk_overlap < body.chunk_size / 2, {
    path: ['chunk_overlap'],
    message: 'must be less than half of chunk_size',
  });

/** `POST /knowledge-bases/:kbId/ingest`: raw text, chunked like a .txt upload. */
export const ingestSchema = z.object({
  content: z.string().refine((text) => text.trim().length > 0, 'must not be blank').describe('Raw text to ingest'),
  source_name: z.string().trim().min(1).max(255).default('api_ingest').describe('Source label'),
});

/** `GET /knowledge-bases/:kbId/chunks`: reference 004's page/per_page, or limit/offset like other lists. */
export const chunkListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).optional().describe('Page number (1 by default)'),
  per_page: z.coerce.number().int().min(1).max(100).optional().describe('Results per page (20 by default)'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe('Instead of per_page'),
  offset: z.coerce.number().int().min(0).optional().describe('Instead of page'),
  is_active: queryBoolean.optional().describe('Only active (true) or inactive (false) chunks'),
});

/** `PUT /knowledge-bases/:kbId/chunks/:chunkId`: new text (re-indexed), and optionally (de)activation. */
export const chunkUpdateSchema = z.object({
  content: z.string().refine((text) => text.trim().length > 0, 'must not be blank').pipe(z.string().max(20_000)),
  is_active: z.boolean().optional().describe('An inactive chunk is kept but never searched'),
});

/** `POST /knowledge/search`. */
export const knowledgeSearchBodySchema = z.object({
  knowledge_base_id: z.string().min(1).max(64).describe('Knowledge base to search'),
  query: z.string().trim().min(1).max(2_000).describe('Search query text'),
  top_k: z.int().min(1).max(50).default(5).describe('Number of results'),
});

export type KnowledgeBaseParams = z.output<typeof knowledgeBaseParamsSchema>;
export type ChunkParams = z.output<typeof chunkParamsSchema>;
export type KnowledgeBaseCreate = z.output<typeof knowledgeBaseCreateSchema>;
export type Ingest = z.output<typeof ingestSchema>;
export type ChunkListQuery = z.output<typeof chunkListQuerySchema>;
export type ChunkUpdate = z.output<typeof chunkUpdateSchema>;
export type KnowledgeSearchBody = z.output<typeof knowledgeSearchBodySchema>;
