import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { CallPlacer } from '../tasks/call-placer';
import { DueTasksRepository } from './due-tasks.repository';
import { StaleCallSweeper } from './stale-call-sweeper';

export interface SchedulerSettings {
  /** Longest sleep between passes; also the longest a newly due task waits. */
  readonly tickMs: number;
  /** Tasks claimed per pass. */
  readonly batch: number;
  /**
   * Tasks due this soon are claimed now and dialed at their time, so the claim's database round
   * trips (slow on a loaded host) do not make them late. They show in_progress this much early.
   */
  readonly lookaheadMs: number;
  /** An organization's concurrent calls until rest-api reported its limit. */
  readonly defaultMaxConcurrentCalls: number;
}

export const SCHEDULER_SETTINGS = Symbol('dialer:scheduler-settings');

/**
 * Runs scheduled tasks when they fall due: each pass claims due tasks (highest priority first,
 * within each organization's concurrency limit) and dials them. The claim is a row-locking
 * transaction, so any number of dialer instances can run a scheduler and no task is dialed twice.
 * A full batch means more may be due: the next pass starts at once. Each pass first fails the
 * tasks of calls that will never end, which would otherwise hold their organization's slots.
 */
@Injectable()
export class TaskScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  /** Claimed tasks waiting for their time or being dialed. */
  private readonly placing = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(DueTasksRepository) private readonly due: DueTasksRepository,
    @Inject(CallPlacer) private readonly placer: CallPlacer,
    @Inject(StaleCallSweeper) private readonly sweeper: StaleCallSweeper,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Waits for the pass in flight and every claimed task, so a clean stop leaves none undialed. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
    await Promise.all(this.placing);
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
      await this.sweeper.sweep(); // frees the slots of calls that will never end before claiming
      const startedAt = performance.now();
      const claimed = await this.due.claim(batch, defaultMaxConcurrentCalls, this.settings.lookaheadMs);
      const claimMs = Math.round(performance.now() - startedAt);
      if (claimed.length > 0) this.log.info({ count: claimed.length, claimMs }, 'scheduled tasks due, dialing');
      for (const task of claimed) this.track(this.placeOnTime(task));
      if (claimed.length === batch) return 0;
      return await this.untilNextDue();
    } catch (err) {
      this.log.error({ err }, 'scheduler pass failed');
      return this.settings.tickMs;
    }
  }

  private track(placing: Promise<void>): void {
    this.placing.add(placing);
    void placing.finally(() => this.placing.delete(placing));
  }

  /** `place` never throws: a refused call fails its task there. */
  private async placeOnTime(task: TaskRow): Promise<void> {
    const wait = (task.scheduledAt?.getTime() ?? 0) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.placer.place(task);
  }

  /** Until the next task enters the lookahead window, at most a tick. */
  private async untilNextDue(): Promise<number> {
    const { tickMs, lookaheadMs } = this.settings;
    const next = await this.due.nextDueAt(lookaheadMs);
    return next ? Math.min(tickMs, Math.max(0, next.getTime() - lookaheadMs - Date.now())) : tickMs;
  }
}
