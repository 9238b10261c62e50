import { KnowledgeRetriever } from './knowledge-retriever';

/**
 * Retrievers for the knowledge texts seen most recently. Every turn of a call carries the same
 * text, so indexing it once per call instead of once per turn; the bound keeps memory flat however
 * many agents a worker serves.
 */
export class RetrieverCache {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
  private readonly retrievers = new Map<string, KnowledgeRetriever>();

  constructor(private readonly capacity = 64) {}

  get size(): number {
    return this.retrievers.size;
  }

  for(knowledgeText: string): KnowledgeRetriever {
    let retriever = this.retrievers.get(knowledgeText);
    if (retriever) this.retrievers.delete(knowledgeText);
    else retriever = new KnowledgeRetriever(knowledgeText);
    this.retrievers.set(knowledgeText, retriever);
    if (this.retrievers.size > this.capacity) this.retrievers.delete(this.retrievers.keys().next().value as string);
    return retriever;
  }
}
