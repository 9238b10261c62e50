/**
 * Okapi BM25 over a small set of documents given as term lists, plus how much of the query a
 * document covers. BM25 ranks; coverage decides whether the best document answers at all, because
 * a BM25 score has no fixed scale (it grows with the query and shrinks with the collection).
 */
export interface Bm25Match<T> {
  readonly value: T;
  readonly score: number;
  /** Share of the query's IDF weight found in the document, 0..1: 1 means every query term occurs. */
  readonly coverage: number;
}

export interface Bm25Options {
  /** How quickly repeats of a term stop adding to the score. */
  readonly k1?: number;
  /** How much long documents are penalised, 0..1. */
  readonly b?: number;
}

interface IndexedDocument<T> {
  readonly value: T;
  readonly termCounts: ReadonlyMap<string, number>;
  readonly length: number;
}

export class Bm25Index<T> {
  private readonly docs: IndexedDocument<T>[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly k1: number;
  private readonly b: number;

  constructor(documents: readonly { readonly terms: readonly string[]; readonly value: T }[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.docs = documents.map(({ terms, value }) => ({ value, termCounts: countTerms(terms), length: terms.length }));
    for (const doc of this.docs) {
      for (const term of doc.termCounts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const totalLength = this.docs.reduce((sum, doc) => sum + doc.length, 0);
    this.averageLength = this.docs.length > 0 ? totalLength / this.docs.length : 0;
  }

  get size(): number {
    return this.docs.length;
  }

  /** Documents sharing at least one term with the query, best first (ties keep document order). */
  search(queryTerms: readonly string[]): Bm25Match<T>[] {
    const terms = [...new Set(queryTerms)];
    const weights = terms.map((term) => this.idf(term));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const matches: Bm25Match<T>[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let found = 0;
      terms.forEach((term, i) => {
        const count = doc.termCounts.get(term);
        if (!count) return;
        score += weights[i] * this.saturate(count, doc.length);
        found += weights[i];
      });
      if (score > 0) matches.push({ value: doc.value, score, coverage: found / totalWeight });
    }
    return matches.sort((x, y) => y.score - x.score);
  }

  /**
   * Rare terms weigh more. A term no document has weighs like the rarest that some document has:
   * it lowers coverage, but on a knowledge text of a few entries one unknown word must not
   * outweigh all the others.
   */
  private idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 1;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }

  private saturate(count: number, length: number): number {
    const norm = this.averageLength > 0 ? length / this.averageLength : 1;
    return (count * (this.k1 + 1)) / (count + this.k1 * (1 - this.b + this.b * norm));
  }
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
