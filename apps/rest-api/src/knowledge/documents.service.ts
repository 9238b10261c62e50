import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeBase } from '@parley/db-knowledge';
import { ApiError } from '../http/api-error';
import { chunkDocument, type DocumentKind } from './chunking/document-chunker';
import { InvalidJsonDocumentError } from './chunking/json-chunker';
import { EmbeddingsClient } from './embeddings.client';
import { IndexingJobsRepository } from './indexing-jobs.repository';
import { IndexingWorker } from './indexing.worker';
import type { DocumentAcceptedView, ReindexAcceptedView } from './knowledge-view.schema';
import { ChunksRepository } from './chunks.repository';

/**
 * Turns uploads, ingested text, reindexes and chunk edits into indexing jobs. The text is chunked
 * here (cheap, and a malformed JSON file is a 400 now rather than a failed job later); the
 * worker stores, embeds and announces the chunks in the background.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(IndexingJobsRepository) private readonly jobs: IndexingJobsRepository,
    @Inject(ChunksRepository) private readonly chunks: ChunksRepository,
    @Inject(EmbeddingsClient) private readonly embeddings: EmbeddingsClient,
    @Inject(IndexingWorker) private readonly worker: IndexingWorker,
  ) {}

  async accept(base: KnowledgeBase, text: string, kind: DocumentKind, source: string): Promise<DocumentAcceptedView> {
    const pieces = chunksOf(base, text, kind);
    if (pieces.length === 0) throw ApiError.invalid('The document has no text to index');
    const id = await this.jobs.enqueue({
      knowledgeBaseId: base.id,
      orgId: base.orgId,
      kind: 'document',
      source,
      content: JSON.stringify(pieces),
      chunkCount: pieces.length,
    });
    this.worker.wake();
    return { document_id: id, source_file: source, chunks_created: pieces.length, indexing_status: 'pending' };
  }

  async reindex(base: KnowledgeBase): Promise<ReindexAcceptedView> {
    const count = await this.chunks.count(base.id);
    const id = await this.jobs.enqueue({ knowledgeBaseId: base.id, orgId: base.orgId, kind: 'reindex', source: 'reindex', chunkCount: count });
    this.worker.wake();
    return { job_id: id, chunks_reindexed: count, indexing_status: 'pending' };
  }

  /** An edited chunk lost its embedding; with a provider configured, a job computes the new one. */
  async chunkEdited(base: KnowledgeBase): Promise<void> {
    if (!this.embeddings.enabled) return;
    await this.jobs.enqueue({ knowledgeBaseId: base.id, orgId: base.orgId, kind: 'embed', source: 'chunk_update', chunkCount: 1 });
    this.worker.wake();
  }
}

function chunksOf(base: KnowledgeBase, text: string, kind: DocumentKind): string[] {
  try {
    return chunkDocument(text, kind, { size: base.chunkSize, overlap: base.chunkOverlap });
  } catch (err) {
    if (err instanceof InvalidJsonDocumentError) throw ApiError.invalid(`The file is not valid JSON: ${err.message}`);
    throw err;
  }
}
