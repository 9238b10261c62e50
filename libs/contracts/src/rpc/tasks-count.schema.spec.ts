import { tasksCountReplySchema, tasksCountRequestSchema } from './tasks-count.schema';

describe('dialer.v1.rpc.tasks.count', () => {
  const request = { orgId: 'org-1', agentId: 'agent-1', statuses: ['pending', 'in_progress'] };

  it('accepts an agent and the task statuses to count', () => {
    expect(tasksCountRequestSchema.parse(request)).toEqual(request);
    expect(tasksCountReplySchema.parse({ count: 3 })).toEqual({ count: 3 });
  });

  it('rejects an unknown status, an empty status list and a negative or fractional count', () => {
    expect(tasksCountRequestSchema.safeParse({ ...request, statuses: ['queued'] }).success).toBe(false);
    expect(tasksCountRequestSchema.safeParse({ ...request, statuses: [] }).success).toBe(false);
    expect(tasksCountReplySchema.safeParse({ count: -1 }).success).toBe(false);
    expect(tasksCountReplySchema.safeParse({ count: 1.5 }).success).toBe(false);
  });
});
