import { Inject, Injectable } from '@nestjs/common';
import { type KnowledgeClient, Prisma } from '@parley/db-knowledge';
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
   * PostgreSQL full-text search on the GIN-indexed vector. The query is read as a web search
   * (`"phrases"`, `or`, `-word`); chunks holding every term come first, then (so a spoken
   * question still finds chunks holding only some of its words) chunks holding any term, unless
   * the query negates one. Chunks holding every term are ordered by `ts_rank_cd` (cover density:
   * how close together the terms occur), the others by `ts_rank` (how often they occur), both
   * length-normalised: cover density means little when only some terms occur, and costs
   * several times as much over the thousands of rows a common word matches (tools/bench/knowledge.ts). The every-term query is
   * selective and usually fills the page alone; only when it does not is the any-term one run.
   */
  async lexical(orgId: string, baseIds: readonly string[], query: string, limit: number): Promise<RankedChunk[]> {
    const strict = await this.fullText(orgId, baseIds, query, limit, true);
    return strict.length >= limit ? strict : this.fullText(orgId, baseIds, query, limit, false);
  }

  private fullText(orgId: string, baseIds: readonly string[], query: string, limit: number, everyTerm: boolean) {
    const match = everyTerm ? Prisma.sql`q.every_term` : Prisma.sql`q.any_term`;
    return this.db.$queryRaw<(RankedChunk & { every: boolean })[]>`
      SELECT c.id::text AS id, c.knowledge_base_id::text AS "knowledgeBaseId", c.content, c.source,
             c.chunk_index AS "chunkIndex",
             c.search_vector @@ q.every_term AS every,
             (CASE WHEN c.search_vector @@ q.every_term THEN 1 + ts_rank_cd(c.search_vector, q.every_term, 1)
                   ELSE ts_rank(c.search_vector, q.any_term, 1) END)::float8 AS score
        FROM chunks c,
             (SELECT w AS every_term,
                     CASE WHEN strpos(w::text, '!') > 0 THEN w
                          ELSE to_tsquery('simple', replace(w::text, ' & ', ' | ')) END AS any_term
                FROM websearch_to_tsquery('english', ${query}) w) q
       WHERE c.knowledge_base_id IN (SELECT id FROM knowledge_bases WHERE org_id = ${orgId}::uuid AND id = ANY(${baseIds}::uuid[]))
         AND c.is_active AND c.search_vector @@ ${match}
       ORDER BY every DESC, score DESC, c.id
       LIMIT ${limit}`.then((rows) => rows.map(({ every: _every, ...chunk }) => chunk));
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
