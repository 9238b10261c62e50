import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { IndexingJobsRepository } from './indexing-jobs.repository';
import { JobRunner } from './job-runner';

/**
 * The background indexing loop of every rest-api instance: claims jobs one at a time until none
 * is due, then sleeps `KNOWLEDGE_POLL_MS` (or until this instance queues one: `wake()`). Jobs are
 * rows, so work queued before a restart is picked up after it; at shutdown the loop finishes the
 * job in hand and stops.
 */
@Injectable()
export class IndexingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(REST_API_CONFIG) private readonly config: RestApiConfig,
    @Inject(IndexingJobsRepository) private readonly jobs: IndexingJobsRepository,
    @Inject(JobRunner) private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.wake();
  }

  /** Before the database clients close (their hook is `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs the loop now (or right after the pass under way). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.timer = setTimeout(() => this.wake(), this.config.KNOWLEDGE_POLL_MS);
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const job = await this.jobs.claim(this.config.KNOWLEDGE_JOB_LEASE_MS).catch((err: unknown) => {
        this.log.error({ err }, 'knowledge indexing: claiming a job failed');
        return undefined;
      });
      if (!job) return;
      const started = Date.now();
      try {
        await this.runner.run(job);
        this.log.info({ job_id: job.id, kind: job.kind, knowledge_base_id: job.knowledgeBaseId, ms: Date.now() - started }, 'knowledge job done');
      } catch (err) {
        const delay = 1_000 * 2 ** Math.min(job.attempts, 8);
        const outcome = await this.jobs.fail(job, messageOf(err), this.config.KNOWLEDGE_JOB_ATTEMPTS, delay).catch(() => 'unrecorded');
        this.log.warn({ err, job_id: job.id, kind: job.kind, attempts: job.attempts, outcome }, 'knowledge job failed');
      }
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
