import { taskFieldsSchema, webhookUrlSchema } from '../shared/task.schema';
import { taskCreateRequestSchema } from './task-create.schema';
import { taskListRequestSchema } from './task-list.schema';
import { taskUpdateRequestSchema } from './task-update.schema';

const fields = { name: 'Call customer', toNumber: '+14155550100' };

describe('task fields', () => {
  it.each(['+14155550100', '+442071234567', '+12345678'])('accepts the E.164 number %s', (toNumber) => {
    expect(taskFieldsSchema.safeParse({ ...fields, toNumber }).success).toBe(true);
  });

  it.each(['14155550100', '+0123456789', '+1 415 555 0100', '+1234567', '+1234567890123456'])(
    'refuses %j, which is not E.164',
    (toNumber) => {
      expect(taskFieldsSchema.safeParse({ ...fields, toNumber }).success).toBe(false);
    },
  );

  it('accepts https webhooks anywhere and http only to this machine', () => {
    expect(webhookUrlSchema.safeParse('https://example.com/hook').success).toBe(true);
    expect(webhookUrlSchema.safeParse('http://127.0.0.1:8080/hook').success).toBe(true);
    expect(webhookUrlSchema.safeParse('http://example.com/hook').success).toBe(false);
    expect(webhookUrlSchema.safeParse('ftp://example.com/hook').success).toBe(false);
  });

  it('subscribes only to the documented call events', () => {
    expect(taskFieldsSchema.safeParse({ ...fields, webhookEvents: ['call_started', 'call_failed'] }).success).toBe(true);
    expect(taskFieldsSchema.safeParse({ ...fields, webhookEvents: ['call_ringing'] }).success).toBe(false);
  });
});

describe('task RPCs', () => {
  it('creates a task with context data, priority and schedule', () => {
    const request = {
      orgId: 'org-1',
      agentId: 'agent-1',
      fields: { ...fields, contextData: { customer_name: 'John Doe' }, priority: 5, scheduledAt: '2026-01-01T10:00:00.000Z' },
      maxConcurrentCalls: 5,
    };
    expect(taskCreateRequestSchema.parse(request)).toEqual(request);
  });

  it('pages task lists by at most 100', () => {
    const request = { orgId: 'org-1', limit: 100, offset: 0, status: 'pending' };
    expect(taskListRequestSchema.safeParse(request).success).toBe(true);
    expect(taskListRequestSchema.safeParse({ ...request, limit: 101 }).success).toBe(false);
    expect(taskListRequestSchema.safeParse({ ...request, status: 'queued' }).success).toBe(false);
  });

  it('updates any subset of the fields, still validated', () => {
    expect(taskUpdateRequestSchema.safeParse({ orgId: 'o', taskId: 't', changes: { priority: 3 } }).success).toBe(true);
    expect(taskUpdateRequestSchema.safeParse({ orgId: 'o', taskId: 't', changes: { toNumber: '555' } }).success).toBe(
      false,
    );
  });
});
