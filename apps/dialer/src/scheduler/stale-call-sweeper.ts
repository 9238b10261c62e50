import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { TaskWebhooks } from '../tasks/task-webhooks';
import { type StaleCallLimits, StaleCallsRepository } from './stale-calls.repository';

export const STALE_CALL_LIMITS = Symbol('dialer:stale-call-limits');

/** Fails the tasks of calls that will never end on their own, and tells their webhooks. */
@Injectable()
export class StaleCallSweeper {
  constructor(
    @Inject(StaleCallsRepository) private readonly repository: StaleCallsRepository,
    @Inject(TaskWebhooks) private readonly webhooks: TaskWebhooks,
    @Inject(STALE_CALL_LIMITS) private readonly limits: StaleCallLimits,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async sweep(): Promise<void> {
    const failed = await this.repository.failStale(this.limits);
    for (const task of failed) {
      this.log.warn({ taskId: task.id, callId: task.callId, reason: task.lastError }, 'task call never ended, failed');
      await this.webhooks.notifyOrLog(task, 'call_failed', { error: task.lastError ?? undefined });
    }
  }
}
