import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import {
  type CallEndedEvent,
  isFailedEnding,
  type EventSubject,
  eventSubjects,
  streams,
  type TranscriptAppendedEvent,
} from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { CallReporter } from '../reports/call-reporter';
import { TaskWebhooks } from './task-webhooks';
import { TasksRepository } from './tasks.repository';

/** Shared by every dialer instance, so each call event moves its task once. */
export const TASK_CALL_EVENTS_DURABLE = 'dialer-task-status';

/**
 * Drives the task status machine from the CALL stream through a durable consumer with explicit
 * acks, so a dialer restart loses nothing: a task call's lines are kept, and when it ends the task
 * moves in_progress → completed | failed, its report is written and its webhook requested.
 * Idempotent: a redelivered ending finds the task finished and asks for the same webhook again.
 */
@Injectable()
export class TaskCallEventsConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TasksRepository) private readonly repository: TasksRepository,
    @Inject(CallReporter) private readonly reporter: CallReporter,
    @Inject(TaskWebhooks) private readonly webhooks: TaskWebhooks,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.call, TASK_CALL_EVENTS_DURABLE, (event) => this.handle(event));
  }

  async handle(event: ConsumedEvent<EventSubject>): Promise<void> {
    if (event.subject === eventSubjects.callStarted) {
      await this.repository.markConnected(event.payload.callId, new Date(event.payload.startedAt));
    }
    if (event.subject === eventSubjects.transcriptAppended) await this.onLine(event.payload);
    if (event.subject === eventSubjects.callEnded) await this.onEnded(event.payload);
  }

  /** Only task calls' lines are kept: inbound calls are the calls read model's alone. */
  private async onLine(line: TranscriptAppendedEvent): Promise<void> {
    if (await this.repository.findByCall(line.callId)) await this.reporter.addLine(line);
  }

  private async onEnded({ callId, reason, answeredBy }: CallEndedEvent): Promise<void> {
    const status = isFailedEnding(reason) ? 'failed' : 'completed';
    const finished = await this.repository.finishCall(callId, status, status === 'failed' ? reason : null);
    if (finished) this.log.info({ taskId: finished.id, callId, status, reason }, 'task finished with its call');
    const task = finished ?? (await this.finishedBy(callId));
    if (!task) return;
    const excerpts = await this.reporter.report(task, callId, reason, answeredBy);
    await this.webhooks.notify(task, task.status === 'failed' ? 'call_failed' : 'call_completed', excerpts);
  }

  /** A redelivered ending: the task was finished by the first delivery (and not reset since). */
  private async finishedBy(callId: string): Promise<TaskRow | null> {
    const task = await this.repository.findByCall(callId);
    return task && (task.status === 'completed' || task.status === 'failed') ? task : null;
  }
}
