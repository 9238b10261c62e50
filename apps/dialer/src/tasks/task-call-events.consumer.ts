import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { type CallEndReason, type EventSubject, eventSubjects, streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { TaskWebhooks } from './task-webhooks';
import { TasksRepository } from './tasks.repository';

/** Shared by every dialer instance, so each call event moves its task once. */
export const TASK_CALL_EVENTS_DURABLE = 'dialer-task-status';

/** Endings where the call did not do its job: the task fails (reference 002 "failed - Call failed or was cancelled"). */
const FAILED_ENDINGS: ReadonlySet<CallEndReason> = new Set(['BALANCE_EXHAUSTED', 'SHUTDOWN', 'PLATFORM_ERROR']);

/**
 * Drives the task status machine from the CALL stream through a durable consumer with explicit
 * acks, so a dialer restart loses no ending: in_progress → completed | failed when the task's
 * call ends. Idempotent: a redelivered ending finds no in-progress task and changes nothing.
 */
@Injectable()
export class TaskCallEventsConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TasksRepository) private readonly repository: TasksRepository,
    @Inject(TaskWebhooks) private readonly webhooks: TaskWebhooks,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.call, TASK_CALL_EVENTS_DURABLE, (event) => this.handle(event));
  }

  async handle(event: ConsumedEvent<EventSubject>): Promise<void> {
    if (event.subject !== eventSubjects.callEnded) return;
    const { callId, reason } = event.payload;
    const status = FAILED_ENDINGS.has(reason) ? 'failed' : 'completed';
    const finished = await this.repository.finishCall(callId, status, status === 'failed' ? reason : null);
    if (finished) this.log.info({ taskId: finished.id, callId, status, reason }, 'task finished with its call');
    // A redelivered ending finds the task already finished: ask for its webhook again (same id).
    const task = finished ?? (await this.finishedBy(callId));
    if (task) await this.webhooks.notify(task, task.status === 'failed' ? 'call_failed' : 'call_completed');
  }

  private async finishedBy(callId: string) {
    const task = await this.repository.findByCall(callId);
    return task && (task.status === 'completed' || task.status === 'failed') ? task : null;
  }
}
