import { Controller, Delete, Get, Inject, Post, Put, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import { type PageRequest, paginationQuerySchema } from '../http/paginated';
import { DocumentUploadInterceptor, readDocument, type UploadedDocument } from './document-upload';
import { DocumentsService } from './documents.service';
import { KnowledgeBasesService } from './knowledge-bases.service';
import {
  type ChunkListQuery,
  chunkListQuerySchema,
  type ChunkParams,
  chunkParamsSchema,
  type ChunkUpdate,
  chunkUpdateSchema,
  type Ingest,
  ingestSchema,
  type KnowledgeBaseCreate,
  knowledgeBaseCreateSchema,
  type KnowledgeBaseParams,
  knowledgeBaseParamsSchema,
} from './knowledge.schemas';
import {
  chunkViewSchema,
  deletedViewSchema,
  documentAcceptedViewSchema,
  knowledgeBaseViewSchema,
  reindexAcceptedViewSchema,
} from './knowledge-view.schema';

/** `/api/v1/knowledge-bases` (reference 004 §11). Documents are indexed in the background (202). */
@Controller('api/v1/knowledge-bases')
@UseGuards(ApiKeyGuard)
export class KnowledgeBasesController {
  constructor(
    @Inject(KnowledgeBasesService) private readonly bases: KnowledgeBasesService,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
  ) {}

  @Post()
  @Endpoint({ summary: 'Create a knowledge base', body: knowledgeBaseCreateSchema, response: knowledgeBaseViewSchema, status: 201 })
  create(@CurrentPrincipal() p: Principal, @ValidBody() body: KnowledgeBaseCreate) {
    return this.bases.create(p.orgId, body);
  }

  @Get()
  @Endpoint({ summary: 'List knowledge bases with chunk counts', query: paginationQuerySchema, response: knowledgeBaseViewSchema, list: true })
  list(@CurrentPrincipal() p: Principal, @ValidQuery() query: PageRequest) {
    return this.bases.list(p.orgId, query);
  }

  @Get(':kbId')
  @Endpoint({ summary: 'Knowledge base detail', params: knowledgeBaseParamsSchema, response: knowledgeBaseViewSchema })
  get(@CurrentPrincipal() p: Principal, @ValidParams() { kbId }: KnowledgeBaseParams) {
    return this.bases.get(p.orgId, kbId);
  }

  @Delete(':kbId')
  @Endpoint({ summary: 'Delete a knowledge base and its chunks', params: knowledgeBaseParamsSchema, response: deletedViewSchema })
  async remove(@CurrentPrincipal() p: Principal, @ValidParams() { kbId }: KnowledgeBaseParams) {
    await this.bases.remove(p.orgId, kbId);
    return { id: kbId, deleted: true as const };
  }

  @Post(':kbId/documents')
  @UseInterceptors(DocumentUploadInterceptor)
  @Endpoint({
    summary: 'Upload a document (multipart field "file": .txt, .md, .csv, .json, 10 MB max)',
    params: knowledgeBaseParamsSchema,
    response: documentAcceptedViewSchema,
    status: 202,
  })
  async upload(
    @CurrentPrincipal() p: Principal,
    @ValidParams() { kbId }: KnowledgeBaseParams,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    const base = await this.bases.owned(p.orgId, kbId);
    const document = readDocument(file);
    return this.documents.accept(base, document.text, document.kind, document.name);
  }

  @Post(':kbId/ingest')
  @Endpoint({ summary: 'Ingest raw text', params: knowledgeBaseParamsSchema, body: ingestSchema, response: documentAcceptedViewSchema, status: 202 })
  async ingest(@CurrentPrincipal() p: Principal, @ValidParams() { kbId }: KnowledgeBaseParams, @ValidBody() body: Ingest) {
    const base = await this.bases.owned(p.orgId, kbId);
    return this.documents.accept(base, body.content, 'txt', body.source_name);
  }

  @Post(':kbId/reindex')
  @Endpoint({ summary: 'Re-index all chunks', params: knowledgeBaseParamsSchema, response: reindexAcceptedViewSchema, status: 202 })
  async reindex(@CurrentPrincipal() p: Principal, @ValidParams() { kbId }: KnowledgeBaseParams) {
    return this.documents.reindex(await this.bases.owned(p.orgId, kbId));
  }

  @Get(':kbId/chunks')
  @Endpoint({ summary: 'List chunks (content cut to 200 characters)', params: knowledgeBaseParamsSchema, query: chunkListQuerySchema, response: chunkViewSchema, list: true })
  chunks(@CurrentPrincipal() p: Principal, @ValidParams() { kbId }: KnowledgeBaseParams, @ValidQuery() query: ChunkListQuery) {
    return this.bases.listChunks(p.orgId, kbId, query);
  }

  @Put(':kbId/chunks/:chunkId')
  @Endpoint({ summary: 'Update a chunk (re-indexed)', params: chunkParamsSchema, body: chunkUpdateSchema, response: chunkViewSchema })
  updateChunk(@CurrentPrincipal() p: Principal, @ValidParams() params: ChunkParams, @ValidBody() body: ChunkUpdate) {
    return this.bases.updateChunk(p.orgId, params.kbId, params.chunkId, body);
  }

  @Delete(':kbId/chunks/:chunkId')
  @Endpoint({ summary: 'Delete a chunk', params: chunkParamsSchema, response: deletedViewSchema })
  async removeChunk(@CurrentPrincipal() p: Principal, @ValidParams() params: ChunkParams) {
    await this.bases.removeChunk(p.orgId, params.kbId, params.chunkId);
    return { id: params.chunkId, deleted: true as const };
  }
}
