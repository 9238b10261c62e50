import { wholeNumber } from '@parley/config';
import { z } from 'zod';

/**
 * Knowledge settings, spread into rest-api's env schema (config.ts). With `EMBEDDINGS_MODEL` set,
 * chunks get embeddings from any OpenAI-compatible `/embeddings` endpoint and search is hybrid;
 * without it, search is PostgreSQL full-text only and needs no account.
 */
export const knowledgeEnv = {
  /** An OpenAI-compatible API root (`…/v1`); OpenAI's own when unset. */
  EMBEDDINGS_BASE_URL: z.url().optional(),
  /** Sent as `Authorization: Bearer`; local servers often need none. */
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** The embedding model (e.g. `text-embedding-3-small`); unset: no embeddings, lexical search. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** How often an idle indexing worker looks for jobs another instance queued (its own wake it at once). */
  KNOWLEDGE_POLL_MS: wholeNumber(10, 60_000).default(1_000),
  /** A running job whose worker vanished is claimed again after this long. */
  KNOWLEDGE_JOB_LEASE_MS: wholeNumber(1_000, 3_600_000).default(120_000),
  /** A job failing this many times is marked failed; before that it is retried with a growing delay. */
  KNOWLEDGE_JOB_ATTEMPTS: wholeNumber(1, 20).default(3),
};

/** The embedding provider's settings, when one is configured. */
export interface EmbeddingsSettings {
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly model: string;
}

export function embeddingsSettingsOf(config: {
  readonly EMBEDDINGS_BASE_URL?: string;
  readonly EMBEDDINGS_API_KEY?: string;
  readonly EMBEDDINGS_MODEL?: string;
}): EmbeddingsSettings | undefined {
  if (!config.EMBEDDINGS_MODEL) return undefined;
  return { baseUrl: config.EMBEDDINGS_BASE_URL, apiKey: config.EMBEDDINGS_API_KEY, model: config.EMBEDDINGS_MODEL };
}
