import type { Bus } from '@parley/bus';
import { type KnowledgeSearchReply, type KnowledgeSearchRequest, rpcSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';

export type KnowledgeHit = KnowledgeSearchReply['results'][number];

/** Passages of an organization's knowledge bases for a query (rest-api answers). */
export interface KnowledgeSearch {
  search(request: KnowledgeSearchRequest): Promise<KnowledgeHit[]>;
}

/** `knowledge.v1.rpc.search` over the bus; a failure is logged and thrown, for the caller to degrade. */
export class BusKnowledgeSearch implements KnowledgeSearch {
  constructor(
    private readonly bus: Bus,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  async search(request: KnowledgeSearchRequest): Promise<KnowledgeHit[]> {
    try {
      const reply = await this.bus.request(rpcSubjects.knowledgeSearch, request, { timeoutMs: this.timeoutMs });
      return reply.results;
    } catch (err) {
      this.log.warn({ err, orgId: request.orgId, knowledgeBases: request.knowledgeBaseIds.length }, 'knowledge search failed');
      throw err;
    }
  }
}
