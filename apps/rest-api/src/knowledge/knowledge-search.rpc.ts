import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type KnowledgeSearchReply, type KnowledgeSearchRequest, rpcSubjects } from '@parley/contracts';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';
import { KnowledgeSearchService } from './knowledge-search.service';

/**
 * Serves `knowledge.v1.rpc.search` in the `knowledge` queue group for the LLM worker (the local
 * agent's context, the `search_kb` tool). Ids that are not the organization's bases are ignored.
 */
@Injectable()
export class KnowledgeSearchRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(KnowledgeBasesRepository) private readonly bases: KnowledgeBasesRepository,
    @Inject(KnowledgeSearchService) private readonly search: KnowledgeSearchService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.knowledgeSearch, (request) => this.answer(request));
  }

  async answer(request: KnowledgeSearchRequest): Promise<KnowledgeSearchReply> {
    const owned = await this.bases.ownedBy(request.orgId, request.knowledgeBaseIds);
    const { results } = await this.search.search(request.orgId, owned, request.query, request.topK);
    return {
      results: results.map((chunk) => ({
        chunkId: chunk.id,
        knowledgeBaseId: chunk.knowledgeBaseId,
        content: chunk.content,
        source: chunk.source,
        score: chunk.score,
      })),
    };
  }
}
