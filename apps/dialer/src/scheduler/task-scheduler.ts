import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { CallPlacer } from '../tasks/call-placer';
import { DueTasksRepository } from './due-tasks.repository';

export interface SchedulerSettings {
  /** Longest sleep between passes; also the longest a newly due task waits. */
  readonly tickMs: number;
  /** Tasks claimed per pass. */
  readonly batch: number;
  /** An organization's concurrent calls until rest-api reported its limit. */
  readonly defaultMaxConcurrentCalls: number;
}

export const SCHEDULER_SETTINGS = Symbol('dialer:scheduler-settings');

/**
 * Runs scheduled tasks when they fall due: each pass claims due tasks (highest priority first,
 * within each organization's concurrency limit) and dials them. The claim is a row-locking
 * transaction, so any number of dialer instances can run a scheduler and no task is dialed twice.
 * A full batch means more may be due: the next pass starts at once.
 */
@Injectable()
export class TaskScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(DueTasksRepository) private readonly due: DueTasksRepository,
    @Inject(CallPlacer) private readonly placer: CallPlacer,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Waits for the pass in flight, so no claimed task is left undialed by a clean stop. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.runPass().then((delay) => this.schedule(delay));
    }, delayMs);
  }

  /** One pass; resolves with the delay until the next. */
  private async runPass(): Promise<number> {
    try {
      const { batch, defaultMaxConcurrentCalls } = this.settings;
      const startedAt = performance.now();
      const claimed = await this.due.claim(batch, defaultMaxConcurrentCalls);
      const claimMs = Math.round(performance.now() - startedAt);
      if (claimed.length > 0) this.log.info({ count: claimed.length, claimMs }, 'scheduled tasks due, dialing');
      await Promise.all(claimed.map((task) => this.placer.place(task)));
      if (claimed.length === batch) return 0;
      return await this.untilNextDue();
    } catch (err) {
      this.log.error({ err }, 'scheduler pass failed');
      return this.settings.tickMs;
    }
  }

  private async untilNextDue(): Promise<number> {
    const next = await this.due.nextDueAt();
    return next ? Math.min(this.settings.tickMs, Math.max(0, next.getTime() - Date.now())) : this.settings.tickMs;
  }
}
