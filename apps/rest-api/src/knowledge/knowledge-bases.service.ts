import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeBase } from '@parley/db-knowledge';
import { ApiError } from '../http/api-error';
import { type Paginated, paginated } from '../http/paginated';
import { ChunksRepository } from './chunks.repository';
import { DocumentsService } from './documents.service';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';
import type { ChunkListQuery, ChunkUpdate, KnowledgeBaseCreate } from './knowledge.schemas';
import type { ChunkView, KnowledgeBaseView } from './knowledge-view.schema';
import { toChunkView, toKnowledgeBaseView } from './knowledge-view.mapper';

/** Reference 004 §11's default page of chunks. */
const DEFAULT_PER_PAGE = 20;

/** Knowledge bases and their chunks, per organization; another organization's is NOT_FOUND. */
@Injectable()
export class KnowledgeBasesService {
  constructor(
    @Inject(KnowledgeBasesRepository) private readonly bases: KnowledgeBasesRepository,
    @Inject(ChunksRepository) private readonly chunks: ChunksRepository,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
  ) {}

  async create(orgId: string, input: KnowledgeBaseCreate): Promise<KnowledgeBaseView> {
    return toKnowledgeBaseView(await this.bases.create(orgId, input));
  }

  async list(orgId: string, page: { limit: number; offset: number }): Promise<Paginated<KnowledgeBaseView>> {
    const { bases, total } = await this.bases.list(orgId, page);
    return paginated(bases.map(toKnowledgeBaseView), total, page);
  }

  async get(orgId: string, id: string): Promise<KnowledgeBaseView> {
    const base = await this.bases.findWithStats(orgId, id);
    if (!base) throw notFound();
    return toKnowledgeBaseView(base);
  }

  async remove(orgId: string, id: string): Promise<void> {
    if (!(await this.bases.delete(orgId, id))) throw notFound();
  }

  /** The base, or 404: every route under `/knowledge-bases/:kbId` starts here. */
  async owned(orgId: string, id: string): Promise<KnowledgeBase> {
    const base = await this.bases.find(orgId, id);
    if (!base) throw notFound();
    return base;
  }

  /** page/per_page (reference 004) when given, else limit/offset like the platform's other lists. */
  async listChunks(orgId: string, id: string, query: ChunkListQuery): Promise<Paginated<ChunkView>> {
    const base = await this.owned(orgId, id);
    const limit = query.per_page ?? query.limit ?? DEFAULT_PER_PAGE;
    const offset = query.page !== undefined ? (query.page - 1) * limit : (query.offset ?? 0);
    const { chunks, total } = await this.chunks.list(base.id, { isActive: query.is_active, limit, offset });
    return paginated(chunks.map((chunk) => toChunkView(chunk, true)), total, { limit, offset });
  }

  async updateChunk(orgId: string, id: string, chunkId: string, input: ChunkUpdate): Promise<ChunkView> {
    const base = await this.owned(orgId, id);
    const chunk = await this.chunks.update(base.id, chunkId, input.content, input.is_active);
    if (!chunk) throw ApiError.notFound('Chunk');
    await this.documents.chunkEdited(base);
    return toChunkView(chunk);
  }

  async removeChunk(orgId: string, id: string, chunkId: string): Promise<void> {
    const base = await this.owned(orgId, id);
    if (!(await this.chunks.delete(base.id, chunkId))) throw ApiError.notFound('Chunk');
  }
}

function notFound(): ApiError {
  return ApiError.notFound('Knowledge base');
}
