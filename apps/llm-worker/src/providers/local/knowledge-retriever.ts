import { Bm25Index } from './bm25-index';
import { type KnowledgeEntry, parseKnowledge } from './knowledge-entries';
import { searchTerms } from './text-terms';

/**
 * Least share of the question's weight an entry must contain to answer it. At about a third,
 * "I want to return my order" reaches the returns entry although "order" is only mentioned under
 * shipping, while "do you sell business insurance", whose rarest words the knowledge lacks, gets
 * the fallback phrase.
 */
export const MIN_COVERAGE = 0.35;

/**
 * Finds the entry of an agent's knowledge that answers a question, by lexical retrieval: BM25
 * ranks the entries, and the best one answers only if it covers enough of the question.
 */
export class KnowledgeRetriever {
  private readonly index: Bm25Index<KnowledgeEntry>;

  /** Every entry it searches, in the order given. */
  readonly entries: readonly KnowledgeEntry[];

  /** Over an agent's knowledge text, or over entries already parsed (the text's merged with passages). */
  constructor(
    knowledge: string | readonly KnowledgeEntry[],
    private readonly minCoverage = MIN_COVERAGE,
  ) {
    const entries = typeof knowledge === 'string' ? parseKnowledge(knowledge) : knowledge;
    this.entries = entries;
    // The topic (label or FAQ question) counts twice: it says what the entry is about, while the
    // answer also mentions things in passing ("call during business hours").
    this.index = new Bm25Index(
      entries.map((entry) => ({
        terms: [...searchTerms(entry.topic), ...searchTerms(entry.topic), ...searchTerms(entry.answer)],
        value: entry,
      })),
    );
  }

  get size(): number {
    return this.index.size;
  }

  /** The best entry for `question`, or undefined when none covers enough of it. */
  answer(question: string): KnowledgeEntry | undefined {
    const terms = searchTerms(question);
    if (terms.length === 0) return undefined;
    const best = this.index.search(terms)[0];
    return best && best.coverage >= this.minCoverage ? best.value : undefined;
  }
}
