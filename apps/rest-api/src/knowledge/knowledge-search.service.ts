import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { EmbeddingsClient } from './embeddings.client';
import { KnowledgeSearchRepository, type RankedChunk } from './knowledge-search.repository';
import { fuseRanks } from './rank-fusion';

export interface SearchOutcome {
  readonly mode: 'lexical' | 'hybrid';
  readonly results: RankedChunk[];
}

/** Candidates each ranker gives the fusion, per result asked for. */
const CANDIDATES_PER_RESULT = 4;
const MIN_CANDIDATES = 40;

/**
 * Search over knowledge bases the caller has already checked are the organization's (the SQL
 * checks again). Lexical by default; with an embeddings provider, hybrid: the full-text and the
 * cosine rankings fused by reciprocal rank. If the provider fails, the answer is lexical rather
 * than an error, so a call's agent still gets its context.
 */
@Injectable()
export class KnowledgeSearchService {
  constructor(
    @Inject(KnowledgeSearchRepository) private readonly repository: KnowledgeSearchRepository,
    @Inject(EmbeddingsClient) private readonly embeddings: EmbeddingsClient,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async search(orgId: string, baseIds: readonly string[], query: string, topK: number): Promise<SearchOutcome> {
    if (baseIds.length === 0) return { mode: 'lexical', results: [] };
    if (!this.embeddings.enabled) {
      return { mode: 'lexical', results: await this.repository.lexical(orgId, baseIds, query, topK) };
    }
    const candidates = Math.max(MIN_CANDIDATES, topK * CANDIDATES_PER_RESULT);
    const [lexical, vector] = await Promise.all([
      this.repository.lexical(orgId, baseIds, query, candidates),
      this.queryVector(query),
    ]);
    if (!vector) return { mode: 'lexical', results: lexical.slice(0, topK) };
    const semantic = await this.repository.semantic(orgId, baseIds, vector, candidates);
    return { mode: 'hybrid', results: fuseRanks([lexical, semantic], topK) };
  }

  private async queryVector(query: string): Promise<number[] | undefined> {
    try {
      return (await this.embeddings.embed([query]))[0];
    } catch (err) {
      this.log.warn({ err }, 'knowledge search: embedding the query failed; answering with full-text ranks only');
      return undefined;
    }
  }
}
