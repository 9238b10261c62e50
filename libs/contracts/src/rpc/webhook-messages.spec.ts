import { replySchemaFor, requestSchemaFor } from '../schema-registry';
import { rpcSubjects } from '../subjects/rpc-subjects';

describe('webhook management RPCs', () => {
  const endpoint = {
    id: 'wh_1',
    url: 'https://example.com/hooks',
    events: ['session.started'],
    description: null,
    active: true,
    failureCount: 0,
    disabledAt: null,
    createdAt: '2026-03-31T10:00:00.000Z',
    updatedAt: '2026-03-31T10:00:00.000Z',
  };

  it('accepts reference 004 event types and the sip/knowledge ones not yet emitted, and nothing else', () => {
    const create = requestSchemaFor(rpcSubjects.webhookCreate);
    const request = { orgId: 'o1', url: 'https://example.com/hooks' };
    expect(create.safeParse({ ...request, events: ['session.ended', 'sip.inbound_call', 'knowledge.reindexed'] }).success).toBe(true);
    expect(create.safeParse({ ...request, events: ['room.started'] }).success).toBe(false);
    expect(create.safeParse({ ...request, url: 'ftp://example.com' }).success).toBe(false);
  });

  it('shows the secret on create and rotate only', () => {
    expect(replySchemaFor(rpcSubjects.webhookCreate).safeParse(endpoint).success).toBe(false);
    expect(replySchemaFor(rpcSubjects.webhookCreate).safeParse({ ...endpoint, secret: 'whsec_x' }).success).toBe(true);
    expect(replySchemaFor(rpcSubjects.webhookRotateSecret).safeParse(endpoint).success).toBe(false);
    expect(replySchemaFor(rpcSubjects.webhookGet).safeParse(endpoint).success).toBe(true);
  });

  it('fires a test event of a known type only', () => {
    const test = requestSchemaFor(rpcSubjects.webhookTest);
    expect(test.safeParse({ orgId: 'o1', eventType: 'test', payload: { hello: 'world' } }).success).toBe(true);
    expect(test.safeParse({ orgId: 'o1', eventType: 'nonsense' }).success).toBe(false);
  });
});
