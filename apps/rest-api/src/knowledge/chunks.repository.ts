import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeChunk, KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../database/database.tokens';
import { isUuid } from '../calls/uuid';

/** A chunk as read back: everything but its embedding and search vector. */
export type ChunkRow = Omit<KnowledgeChunk, 'embedding'>;

export interface ChunkFilter {
  readonly isActive?: boolean;
  readonly limit: number;
  readonly offset: number;
}

const COLUMNS = {
  id: true,
  knowledgeBaseId: true,
  content: true,
  source: true,
  chunkIndex: true,
  isActive: true,
  jobId: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The chunks of one knowledge base; callers have checked that the base is the caller's. */
@Injectable()
export class ChunksRepository {
  constructor(@Inject(KNOWLEDGE_DB) private readonly db: KnowledgeClient) {}

  async list(knowledgeBaseId: string, filter: ChunkFilter): Promise<{ chunks: ChunkRow[]; total: number }> {
    const where = { knowledgeBaseId, ...(filter.isActive === undefined ? {} : { isActive: filter.isActive }) };
    const [chunks, total] = await Promise.all([
      this.db.knowledgeChunk.findMany({
        where,
        select: COLUMNS,
        orderBy: [{ createdAt: 'asc' }, { chunkIndex: 'asc' }, { id: 'asc' }],
        take: filter.limit,
        skip: filter.offset,
      }),
      this.db.knowledgeChunk.count({ where }),
    ]);
    return { chunks, total };
  }

  /**
   * New text (Postgres regenerates its search vector) and optionally a new active flag. The old
   * embedding no longer describes the text, so it is cleared for the indexing worker to redo.
   */
  async update(knowledgeBaseId: string, id: string, content: string, isActive?: boolean): Promise<ChunkRow | null> {
    if (!isUuid(id)) return null;
    const { count } = await this.db.knowledgeChunk.updateMany({
      where: { id, knowledgeBaseId },
      data: { content, embedding: [], ...(isActive === undefined ? {} : { isActive }) },
    });
    if (count === 0) return null;
    return this.db.knowledgeChunk.findUnique({ where: { id }, select: COLUMNS });
  }

  async delete(knowledgeBaseId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { count } = await this.db.knowledgeChunk.deleteMany({ where: { id, knowledgeBaseId } });
    return count > 0;
  }

  count(knowledgeBaseId: string): Promise<number> {
    return this.db.knowledgeChunk.count({ where: { knowledgeBaseId } });
  }
}
