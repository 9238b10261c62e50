import { Inject, Injectable } from '@nestjs/common';
import type { KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../database/database.tokens';

/** `document`: chunk and index new text; `reindex`: every chunk again; `embed`: chunks edited since. */
export type JobKind = 'document' | 'reindex' | 'embed';

export interface NewJob {
  readonly knowledgeBaseId: string;
  readonly orgId: string;
  readonly kind: JobKind;
  readonly source: string;
  readonly content?: string;
  readonly chunkCount: number;
}

/** A job a worker holds: its lease says until when no other worker takes it. */
export interface ClaimedJob {
  readonly id: string;
  readonly knowledgeBaseId: string;
  readonly orgId: string;
  readonly kind: JobKind;
  readonly source: string;
  readonly content: string | null;
  readonly chunkCount: number;
  readonly attempts: number;
}

/**
 * The durable queue of indexing work. A job is a row: queued `pending` in the request's
 * transaction, claimed with FOR UPDATE SKIP LOCKED (so instances never take the same job),
 * `indexing` under a lease, then `ready` or `failed`. A worker that dies leaves a lapsed lease,
 * and the job is claimed again: a restart loses nothing. The knowledge base's own status follows.
 */
@Injectable()
export class IndexingJobsRepository {
  constructor(@Inject(KNOWLEDGE_DB) private readonly db: KnowledgeClient) {}

  /** Queues a job and marks its knowledge base pending (unless a job of it is already running). */
  async enqueue(job: NewJob): Promise<string> {
    const [created] = await this.db.$transaction([
      this.db.indexingJob.create({
        data: {
          knowledgeBaseId: job.knowledgeBaseId,
          orgId: job.orgId,
          kind: job.kind,
          source: job.source,
          content: job.content ?? null,
          chunkCount: job.chunkCount,
        },
        select: { id: true },
      }),
      this.db.$executeRaw`
        UPDATE knowledge_bases SET indexing_status = 'pending', updated_at = now()
         WHERE id = ${job.knowledgeBaseId}::uuid AND indexing_status <> 'indexing'`,
    ]);
    return created.id;
  }

  /** The oldest claimable job (pending and due, or running with a lapsed lease), now held for `leaseMs`. */
  async claim(leaseMs: number): Promise<ClaimedJob | undefined> {
    const rows = await this.db.$queryRaw<ClaimedJob[]>`
      WITH job AS (
        UPDATE indexing_jobs SET status = 'indexing', attempts = attempts + 1,
               lease_until = now() + ${leaseMs} * interval '1 millisecond'
         WHERE id = (SELECT id FROM indexing_jobs
                      WHERE status IN ('pending', 'indexing') AND (lease_until IS NULL OR lease_until < now())
                      ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, knowledge_base_id, org_id, kind, source, content, chunk_count, attempts
      ), base AS (
        UPDATE knowledge_bases SET indexing_status = 'indexing', updated_at = now()
         WHERE id IN (SELECT knowledge_base_id FROM job)
      )
      SELECT id::text AS "id", knowledge_base_id::text AS "knowledgeBaseId", org_id::text AS "orgId", kind,
             source, content, chunk_count AS "chunkCount", attempts FROM job`;
    return rows[0];
  }

  /**
   * The job is done: its text is dropped and the knowledge base is ready, unless other jobs of it
   * are still queued or running. Runs in `tx` so the chunks a job wrote commit with it.
   */
  async complete(tx: Pick<KnowledgeClient, '$executeRaw'>, job: ClaimedJob): Promise<boolean> {
    const done = await tx.$executeRaw`
      UPDATE indexing_jobs SET status = 'ready', content = NULL, lease_until = NULL, error = NULL, finished_at = now()
       WHERE id = ${job.id}::uuid AND status = 'indexing'`;
    await tx.$executeRaw`
      UPDATE knowledge_bases kb SET last_indexed_at = now(), updated_at = now(),
             indexing_status = COALESCE((SELECT max(j.status) FROM indexing_jobs j
                                          WHERE j.knowledge_base_id = kb.id AND j.status IN ('pending', 'indexing')),
                                        'ready')
       WHERE kb.id = ${job.knowledgeBaseId}::uuid`;
    return done > 0;
  }

  /**
   * A failed attempt: retried after a growing delay while attempts remain, else `failed` with the
   * reason, and so is its knowledge base.
   */
  async fail(job: ClaimedJob, reason: string, maxAttempts: number, retryDelayMs: number): Promise<'retry' | 'failed'> {
    const final = job.attempts >= maxAttempts;
    await this.db.$transaction([
      this.db.$executeRaw`
        UPDATE indexing_jobs SET error = ${reason.slice(0, 1_000)},
               status = ${final ? 'failed' : 'pending'}::indexing_status,
               lease_until = CASE WHEN ${final} THEN NULL ELSE now() + ${retryDelayMs} * interval '1 millisecond' END,
               finished_at = CASE WHEN ${final} THEN now() ELSE NULL END
         WHERE id = ${job.id}::uuid`,
      this.db.$executeRaw`
        UPDATE knowledge_bases SET indexing_status = ${final ? 'failed' : 'pending'}::indexing_status, updated_at = now()
         WHERE id = ${job.knowledgeBaseId}::uuid`,
    ]);
    return final ? 'failed' : 'retry';
  }
}
