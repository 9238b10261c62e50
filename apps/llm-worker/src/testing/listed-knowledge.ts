import type { KnowledgeSearchRequest } from '@parley/contracts';
import type { KnowledgeHit, KnowledgeSearch } from '../tools/knowledge-search';

/** Answers from a fixed list (at most `topK` of it) and remembers what it was asked; fails when told to. */
export class ListedKnowledge implements KnowledgeSearch {
  readonly asked: KnowledgeSearchRequest[] = [];
  failing = false;

  constructor(private readonly hits: KnowledgeHit[]) {}

  async search(request: KnowledgeSearchRequest): Promise<KnowledgeHit[]> {
    this.asked.push(request);
    if (this.failing) throw new Error('no responders');
    return this.hits.slice(0, request.topK);
  }
}
