import { eventSchemaFor } from '../schema-registry';
import { eventSubjects } from '../subjects/event-subjects';
import { streams } from '../subjects/streams';
import { taskWebhookRequestedEventSchema } from './task-webhook-requested.schema';
import { webhookEndpointDisabledEventSchema } from './webhook-endpoint-disabled.schema';

describe('task.webhook-requested event', () => {
  const event = {
    eventId: '5f0c6f5e-8d8a-4d0e-9a59-0c5a4a3c2b1a',
    orgId: 'org_1',
    taskId: 'task_1',
    url: 'https://example.com/hooks',
    event: 'call_completed',
    payload: {
      event_type: 'call_completed',
      task_id: 'task_1',
      call_id: 'call_1',
      status: 'completed',
      data: { transcript_excerpt: 'Hello...', report_excerpt: 'Booked' },
    },
  };

  it('accepts the payload reference 002 documents and is the contract of its subject', () => {
    expect(taskWebhookRequestedEventSchema.parse(event)).toEqual(event);
    expect(eventSchemaFor(eventSubjects.taskWebhookRequested).safeParse(event).success).toBe(true);
    expect(eventSubjects.taskWebhookRequested).toBe('dialer.v1.evt.task.webhook-requested');
    expect(streams.dialer.subjects).toEqual(['dialer.v1.evt.>']);
  });

  it('accepts a failed call that never got a call id', () => {
    const failed = { ...event, event: 'call_failed', payload: { ...event.payload, event_type: 'call_failed', call_id: null } };
    expect(taskWebhookRequestedEventSchema.safeParse(failed).success).toBe(true);
  });

  it('rejects an unknown event, a non-http url and a missing event id', () => {
    expect(taskWebhookRequestedEventSchema.safeParse({ ...event, event: 'call_ringing' }).success).toBe(false);
    expect(taskWebhookRequestedEventSchema.safeParse({ ...event, url: 'ftp://example.com/x' }).success).toBe(false);
    expect(taskWebhookRequestedEventSchema.safeParse({ ...event, eventId: undefined }).success).toBe(false);
  });
});

describe('webhooks endpoint.disabled event', () => {
  it('carries the endpoint, its organization and the failure streak', () => {
    const event = {
      endpointId: 'wh_1',
      orgId: 'org_1',
      url: 'https://example.com/hooks',
      consecutiveFailures: 20,
      disabledAt: '2026-03-31T10:00:00.000Z',
    };
    expect(webhookEndpointDisabledEventSchema.parse(event)).toEqual(event);
    expect(webhookEndpointDisabledEventSchema.safeParse({ ...event, consecutiveFailures: 0 }).success).toBe(false);
  });
});
