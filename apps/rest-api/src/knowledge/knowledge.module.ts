import { Module } from '@nestjs/common';
import { ChunksRepository } from './chunks.repository';
import { DocumentsService } from './documents.service';
import { EmbeddingsClient } from './embeddings.client';
import { IndexingJobsRepository } from './indexing-jobs.repository';
import { IndexingWorker } from './indexing.worker';
import { JobRunner } from './job-runner';
import { KnowledgeBaseAccess } from './knowledge-base-access';
import { KnowledgeBasesController } from './knowledge-bases.controller';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';
import { KnowledgeBasesService } from './knowledge-bases.service';
import { KnowledgeEvents } from './knowledge-events.publisher';
import { KnowledgeSearchController } from './knowledge-search.controller';
import { KnowledgeSearchRepository } from './knowledge-search.repository';
import { KnowledgeSearchRpc } from './knowledge-search.rpc';
import { KnowledgeSearchService } from './knowledge-search.service';

/**
 * Knowledge bases (reference 004 §11): the REST routes, the background indexing worker, search
 * (REST and `knowledge.v1.rpc.search`) and the knowledge.* facts. Exports `KnowledgeBaseAccess`
 * for features that reference a base (agents). Needs the REST kernel, auth,
 * `BusModule` and `DatabaseModule` (global).
 */
@Module({
  controllers: [KnowledgeBasesController, KnowledgeSearchController],
  providers: [
    KnowledgeBasesRepository,
    ChunksRepository,
    IndexingJobsRepository,
    KnowledgeSearchRepository,
    EmbeddingsClient,
    KnowledgeEvents,
    JobRunner,
    IndexingWorker,
    DocumentsService,
    KnowledgeBasesService,
    KnowledgeSearchService,
    KnowledgeSearchRpc,
    KnowledgeBaseAccess,
  ],
  exports: [KnowledgeBaseAccess],
})
export class KnowledgeModule {}
