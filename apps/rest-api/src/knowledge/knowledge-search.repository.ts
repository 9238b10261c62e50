import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../database/database.tokens';

/** One ranked chunk; `score` is the ranker's own (full-text rank or cosine). */
export interface RankedChunk {
  readonly id: string;
  readonly knowledgeBaseId: string;
  readonly content: string;
  readonly source: string;
  readonly chunkIndex: number;
  readonly score: number;
}

/**
 * Ranks the active chunks of an organization's knowledge bases. Every query joins the bases on
 * `org_id`, so an id of another organization's base finds nothing.
 */
@Injectable()
export class KnowledgeSearchRepository {
  constructor(@Inject(KNOWLEDGE_DB) private readonly db: KnowledgeClient) {}

  /**
   * PostgreSQL full-text search on the GIN-indexed vector: the query is read as a web search
   * (`"phrases"`, `or`, `-word`), its terms then OR-ed (unless it negates one), so a spoken
   * question matches chunks holding any of its words. A chunk holding all of them comes first
   * (+1), then `ts_rank_cd` (length-normalised) orders by how many occur, how close together.
   */
  lexical(orgId: string, baseIds: readonly string[], query: string, limit: number): Promise<RankedChunk[]> {
    return this.db.$queryRaw<RankedChunk[]>`
      SELECT c.id::text AS id, c.knowledge_base_id::text AS "knowledgeBaseId", c.content, c.source,
             c.chunk_index AS "chunkIndex",
             (ts_rank_cd(c.search_vector, q.query, 1) + CASE WHEN c.search_vector @@ q.every_term THEN 1 ELSE 0 END)::float8 AS score
        FROM chunks c,
             (SELECT w AS every_term,
                     CASE WHEN strpos(w::text, '!') > 0 THEN w
                          ELSE to_tsquery('simple', replace(w::text, ' & ', ' | ')) END AS query
                FROM websearch_to_tsquery('english', ${query}) w) q
       WHERE c.knowledge_base_id IN (SELECT id FROM knowledge_bases WHERE org_id = ${orgId}::uuid AND id = ANY(${baseIds}::uuid[]))
         AND c.is_active AND c.search_vector @@ q.query
       ORDER BY score DESC, c.id
       LIMIT ${limit}`;
  }

  /**
   * Cosine similarity to `vector` (both unit length, so a dot product) over the chunks that have
   * an embedding: computed in SQL, a full scan of the bases' chunks (no vector index; pgvector is
   * not used).
   */
  semantic(orgId: string, baseIds: readonly string[], vector: readonly number[], limit: number): Promise<RankedChunk[]> {
    return this.db.$queryRaw<RankedChunk[]>`
      SELECT c.id::text AS id, c.knowledge_base_id::text AS "knowledgeBaseId", c.content, c.source,
             c.chunk_index AS "chunkIndex",
             (SELECT sum(a * b) FROM unnest(c.embedding, ${vector}::real[]) AS t(a, b))::float8 AS score
        FROM chunks c
       WHERE c.knowledge_base_id IN (SELECT id FROM knowledge_bases WHERE org_id = ${orgId}::uuid AND id = ANY(${baseIds}::uuid[]))
         AND c.is_active AND cardinality(c.embedding) = ${vector.length}
       ORDER BY score DESC, c.id
       LIMIT ${limit}`;
  }
}
