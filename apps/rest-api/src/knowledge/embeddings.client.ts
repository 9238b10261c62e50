import { Inject, Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { embeddingsSettingsOf } from './knowledge.config';

/** Texts sent in one embeddings request. */
const BATCH = 64;

/**
 * Embeddings from any OpenAI-compatible `/embeddings` endpoint, through the `openai` SDK (its
 * retries: 2, on 408/409/429/5xx). Vectors come back at unit length, so their dot product is the
 * cosine. `enabled` is false when no model is configured: search is then lexical only.
 */
@Injectable()
export class EmbeddingsClient {
  private readonly client: OpenAI | undefined;
  private readonly model: string;

  constructor(@Inject(REST_API_CONFIG) config: RestApiConfig) {
    const settings = embeddingsSettingsOf(config);
    this.model = settings?.model ?? '';
    this.client = settings
      ? new OpenAI({ apiKey: settings.apiKey ?? 'unused', baseURL: settings.baseUrl, timeout: 30_000, maxRetries: 2 })
      : undefined;
  }

  get enabled(): boolean {
    return this.client !== undefined;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (!this.client) throw new Error('no embeddings provider is configured');
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH) {
      const input = texts.slice(start, start + BATCH);
      const res = await this.client.embeddings.create({ model: this.model, input, encoding_format: 'float' });
      const ordered = [...res.data].sort((a, b) => a.index - b.index);
      if (ordered.length !== input.length) throw new Error(`embeddings: asked for ${input.length}, got ${ordered.length}`);
      vectors.push(...ordered.map((item) => unitLength(item.embedding)));
    }
    return vectors;
  }
}

export function unitLength(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm > 0 ? vector.map((value) => value / norm) : [...vector];
}
