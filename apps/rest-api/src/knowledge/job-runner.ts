import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../database/database.tokens';
import { EmbeddingsClient } from './embeddings.client';
import { type ClaimedJob, IndexingJobsRepository } from './indexing-jobs.repository';
import { KnowledgeEvents } from './knowledge-events.publisher';

/** Rows per insert statement (7 parameters a row, well under Postgres' 65,535). */
const INSERT_BATCH = 1_000;
/** Chunks embedded per round of a reindex. */
const EMBED_BATCH = 256;
/** A document of 10 MB makes about 20,000 chunks; their insert must not hit Prisma's 5 s default. */
const TX_TIMEOUT_MS = 120_000;

/**
 * Does one claimed job. A document job inserts the chunks the request already cut (its `content`
 * is their JSON array), with embeddings when a provider is configured, and completes in the same
 * transaction, so a job run twice never leaves duplicates. Reindex and embed jobs (re)compute
 * embeddings. Each job's fact is published before its transaction commits: a crash in between
 * runs the job again, and JetStream drops the second publish by its message id.
 */
@Injectable()
export class JobRunner {
  constructor(
    @Inject(KNOWLEDGE_DB) private readonly db: KnowledgeClient,
    @Inject(IndexingJobsRepository) private readonly jobs: IndexingJobsRepository,
    @Inject(EmbeddingsClient) private readonly embeddings: EmbeddingsClient,
    @Inject(KnowledgeEvents) private readonly events: KnowledgeEvents,
  ) {}

  run(job: ClaimedJob): Promise<void> {
    return job.kind === 'document' ? this.indexDocument(job) : this.embedChunks(job);
  }

  private async indexDocument(job: ClaimedJob): Promise<void> {
    const chunks = JSON.parse(job.content ?? '[]') as string[];
    const vectors = this.embeddings.enabled ? await this.embeddings.embed(chunks) : undefined;
    await this.db.$transaction(
      async (tx) => {
        await tx.knowledgeChunk.deleteMany({ where: { jobId: job.id } });
        for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
          const data = chunks.slice(start, start + INSERT_BATCH).map((content, offset) => ({
            knowledgeBaseId: job.knowledgeBaseId,
            content,
            source: job.source,
            chunkIndex: start + offset,
            jobId: job.id,
            embedding: vectors?.[start + offset] ?? [],
          }));
          await tx.knowledgeChunk.createMany({ data });
        }
        if (!(await this.jobs.complete(tx, job))) return;
        await this.events.documentUploaded({
          orgId: job.orgId,
          knowledgeBaseId: job.knowledgeBaseId,
          documentId: job.id,
          source: job.source,
          chunksCreated: chunks.length,
          embedded: vectors !== undefined,
          indexedAt: new Date().toISOString(),
        });
      },
      { timeout: TX_TIMEOUT_MS, maxWait: TX_TIMEOUT_MS },
    );
  }

  /** `reindex`: every chunk; `embed`: only those without an embedding (edited since). */
  private async embedChunks(job: ClaimedJob): Promise<void> {
    const all = job.kind === 'reindex';
    let count = 0;
    if (this.embeddings.enabled) count = await this.embedInBatches(job.knowledgeBaseId, all);
    else if (all) count = await this.db.knowledgeChunk.count({ where: { knowledgeBaseId: job.knowledgeBaseId } });
    await this.db.$transaction(async (tx) => {
      if (!(await this.jobs.complete(tx, job)) || !all) return;
      await this.events.reindexed({
        orgId: job.orgId,
        knowledgeBaseId: job.knowledgeBaseId,
        jobId: job.id,
        chunksReindexed: count,
        embedded: this.embeddings.enabled,
        reindexedAt: new Date().toISOString(),
      });
    });
  }

  private async embedInBatches(knowledgeBaseId: string, all: boolean): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const batch = await this.db.$queryRaw<{ id: string; content: string }[]>`
        SELECT id::text AS id, content FROM chunks
         WHERE knowledge_base_id = ${knowledgeBaseId}::uuid AND id > ${after}::uuid
           AND (${all} OR COALESCE(cardinality(embedding), 0) = 0)
         ORDER BY id LIMIT ${EMBED_BATCH}`;
      if (batch.length === 0) return count;
      const vectors = await this.embeddings.embed(batch.map((chunk) => chunk.content));
      await this.db.$transaction(
        batch.map((chunk, i) => this.db.knowledgeChunk.updateMany({ where: { id: chunk.id, content: chunk.content }, data: { embedding: vectors[i] } })),
      );
      count += batch.length;
      after = batch.at(-1)?.id ?? after;
    }
  }
}
