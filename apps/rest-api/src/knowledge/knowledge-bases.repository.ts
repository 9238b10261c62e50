import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeBase, KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../database/database.tokens';
import { isUuid } from '../calls/uuid';
import type { KnowledgeBaseCreate } from './knowledge.schemas';

/** Chunk figures of a knowledge base: how many, and how many characters they hold. */
export interface ChunkStats {
  readonly chunkCount: number;
  readonly totalChars: number;
}

export type KnowledgeBaseWithStats = KnowledgeBase & ChunkStats;

const NO_CHUNKS: ChunkStats = { chunkCount: 0, totalChars: 0 };

/** An organization's knowledge bases. Every query names `orgId`: another org's base is simply not found. */
@Injectable()
export class KnowledgeBasesRepository {
  constructor(@Inject(KNOWLEDGE_DB) private readonly db: KnowledgeClient) {}

  async create(orgId: string, input: KnowledgeBaseCreate): Promise<KnowledgeBaseWithStats> {
    const base = await this.db.knowledgeBase.create({
      data: {
        orgId,
        name: input.name,
        description: input.description ?? null,
        chunkSize: input.chunk_size,
        chunkOverlap: input.chunk_overlap,
      },
    });
    return { ...base, ...NO_CHUNKS };
  }

  async list(orgId: string, page: { limit: number; offset: number }) {
    const where = { orgId };
    const [bases, total] = await Promise.all([
      this.db.knowledgeBase.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: page.limit, skip: page.offset }),
      this.db.knowledgeBase.count({ where }),
    ]);
    const stats = await this.statsOf(bases.map((base) => base.id));
    return { bases: bases.map((base) => ({ ...base, ...(stats.get(base.id) ?? NO_CHUNKS) })), total };
  }

  /** The base when it is `orgId`'s; null for any other id. */
  find(orgId: string, id: string): Promise<KnowledgeBase | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.knowledgeBase.findFirst({ where: { id, orgId } });
  }

  async findWithStats(orgId: string, id: string): Promise<KnowledgeBaseWithStats | null> {
    const base = await this.find(orgId, id);
    if (!base) return null;
    return { ...base, ...((await this.statsOf([base.id])).get(base.id) ?? NO_CHUNKS) };
  }

  /** Deletes the base with its chunks, embeddings and jobs (cascade); false when it is not `orgId`'s. */
  async delete(orgId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { count } = await this.db.knowledgeBase.deleteMany({ where: { id, orgId } });
    return count > 0;
  }

  /** Of `ids`, those that are knowledge bases of `orgId`. */
  async ownedBy(orgId: string, ids: readonly string[]): Promise<string[]> {
    const candidates = ids.filter(isUuid);
    if (candidates.length === 0) return [];
    const rows = await this.db.knowledgeBase.findMany({ where: { orgId, id: { in: candidates } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  private async statsOf(ids: readonly string[]): Promise<Map<string, ChunkStats>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.$queryRaw<{ id: string; chunk_count: number; total_chars: number }[]>`
      SELECT knowledge_base_id::text AS id, count(*)::int AS chunk_count, COALESCE(sum(length(content)), 0)::int AS total_chars
        FROM chunks WHERE knowledge_base_id = ANY(${ids}::uuid[]) GROUP BY knowledge_base_id`;
    return new Map(rows.map((row) => [row.id, { chunkCount: row.chunk_count, totalChars: row.total_chars }]));
  }
}
