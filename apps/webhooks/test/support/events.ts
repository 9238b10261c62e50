import { randomUUID } from 'node:crypto';
import type { CallStartedEvent, TaskWebhookRequestedEvent } from '@parley/contracts';

/** A `call.started` fact of `orgId`, with a fresh call id. */
export function callStarted(orgId: string, overrides: Partial<CallStartedEvent> = {}): CallStartedEvent {
  return {
    callId: randomUUID(),
    orgId,
    agentId: randomUUID(),
    keyId: randomUUID(),
    direction: 'inbound',
    channel: 'raw',
    startedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function taskWebhookRequested(orgId: string, url: string): TaskWebhookRequestedEvent {
  const taskId = randomUUID();
  return {
    eventId: randomUUID(),
    orgId,
    taskId,
    url,
    event: 'call_completed',
    payload: {
      event_type: 'call_completed',
      task_id: taskId,
      call_id: randomUUID(),
      status: 'completed',
      data: { transcript_excerpt: 'Hello, this is Parley', report_excerpt: 'Appointment booked' },
    },
  };
}
