import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects, type TaskWebhookPayload, type TaskWebhookEvent } from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';

/** What a call event adds to the webhook body (reference 002 "Webhook Payload" `data`). */
export type TaskWebhookData = TaskWebhookPayload['data'];

/** The body reference 002 documents for task webhooks. */
export function taskWebhookPayload(task: TaskRow, event: TaskWebhookEvent, data: TaskWebhookData): TaskWebhookPayload {
  return { event_type: event, task_id: task.id, call_id: task.callId, status: task.status, data };
}

/**
 * One id per (call, event), shaped as a UUID: a redelivered call event asks again with the same id,
 * so JetStream's duplicate window and the receiver's idempotency both see one webhook.
 */
export function webhookEventId(task: TaskRow, event: TaskWebhookEvent): string {
  const hex = createHash('sha256').update(`${task.id}:${task.callId ?? ''}:${task.attempts}:${event}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Asks for a task's webhook (`dialer.v1.evt.task.webhook-requested`) when the task subscribed to
 * the event; the webhooks service delivers it signed and retried. Throws when JetStream did not
 * store the request, so a consumer can retry its event (the same event id makes that safe).
 */
@Injectable()
export class TaskWebhooks {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async notify(task: TaskRow, event: TaskWebhookEvent, data: TaskWebhookData = {}): Promise<void> {
    if (!task.webhookUrl || !task.webhookEvents.includes(event)) return;
    const eventId = webhookEventId(task, event);
    const request = {
      eventId,
      orgId: task.orgId,
      taskId: task.id,
      url: task.webhookUrl,
      event,
      payload: taskWebhookPayload(task, event, data),
    };
    await this.bus.publishEvent(eventSubjects.taskWebhookRequested, request, { msgId: eventId });
  }

  /** For callers a webhook must not block (reference 002): a failure is logged, not thrown. */
  async notifyOrLog(task: TaskRow, event: TaskWebhookEvent, data: TaskWebhookData = {}): Promise<void> {
    await this.notify(task, event, data).catch((err: unknown) =>
      this.log.error({ err, taskId: task.id, callId: task.callId, event }, 'task webhook not requested'),
    );
  }
}
