import { randomUUID } from 'node:crypto';
import { BusError } from '@parley/bus';
import { type AgentConfig, rpcSubjects, type TaskFields } from '@parley/contracts';
import { hashDialTicket } from '../src/dial/dial-ticket';
import { type DialerHarness, startDialerHarness } from './support/dialer-harness';

const agentConfig = (agentId: string): AgentConfig => ({
  agentId,
  name: 'Support',
  language: 'en',
  greeting: 'Hello {{customer_name}}.',
  systemPrompt: 'You call {{customer_name}} about order {{order_id}}.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider: 'embedded', model: 'default' },
  sttProvider: 'embedded',
  limits: { maxDurationSec: 600, maxTurns: 50, silenceTimeoutSec: 30 },
  knowledgeBaseIds: [],
  recordingEnabled: false,
});

describe('dial tickets: issued when a task call is placed, admitted once by the gateway', () => {
  const orgId = randomUUID();
  const agentId = randomUUID();
  const keyId = randomUUID();
  const fields: TaskFields = {
    name: 'Order follow-up',
    toNumber: '+14155550100',
    contextData: { customer_name: 'John Doe', order_id: 12345, simulator: { script: ['Hi'] } },
  };
  let h: DialerHarness;

  const admit = (ticket: string) =>
    h.bus.request(rpcSubjects.dialerDialAdmit, { ticketHash: hashDialTicket(ticket) }, { timeoutMs: 15_000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as BusError);

  /** Creates and executes a task; returns its call id and the ticket the provider was handed. */
  async function placeCall(more: Partial<TaskFields> = {}, creator: string | null = keyId) {
    const task = await h.bus.request(
      rpcSubjects.dialerTaskCreate,
      { orgId, agentId, fields: { ...fields, ...more }, maxConcurrentCalls: 7, ...(creator ? { keyId: creator } : {}) },
      { timeoutMs: 15_000 },
    );
    const dialsBefore = h.provider.dials.length;
    const { callId } = await h.bus.request(rpcSubjects.dialerTaskExecute, { orgId, taskId: task.id }, { timeoutMs: 15_000 });
    await h.provider.dialed(dialsBefore + 1);
    const dial = h.provider.dials.find((d) => d.call.callId === callId);
    if (!dial) throw new Error('the call was not dialed');
    return { taskId: task.id, callId, ticket: dial.call.ticket };
  }

  beforeAll(async () => {
    h = await startDialerHarness('dialer_admit');
    // rest-api's agent.resolve, as it answers for this organization's agent only
    h.bus.serve(rpcSubjects.identityAgentResolve, async (request) => {
      if (request.orgId !== orgId || request.agentId !== agentId) throw new BusError('NOT_FOUND', 'no such agent');
      return { agent: agentConfig(agentId), plan: 'pro', limits: { maxConcurrentCalls: 7 } };
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('answers the call, its key and the agent with the task context filled in', async () => {
    const startingMessage = 'Hi {{customer_name}}, about order {{order_id}}{{unknown}}.';
    const { taskId, callId, ticket } = await placeCall({ startingMessage });

    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    const reply = await admit(ticket);

    expect(reply).toMatchObject({ callId, orgId, keyId, taskId, direction: 'outbound', to: '+14155550100' });
    expect(reply.maxConcurrentCalls).toBe(7);
    expect(reply.agent.greeting).toBe('Hi John Doe, about order 12345.');
    expect(reply.agent.systemPrompt).toBe(
      'You call John Doe about order 12345.\n\nCall context:\n- customer_name: John Doe\n- order_id: 12345',
    );
  });

  it('stores only the hash of the ticket, and admits it once', async () => {
    const { taskId, ticket } = await placeCall();
    const stored = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(stored.dialTicketHash).toBe(hashDialTicket(ticket));
    expect(JSON.stringify(stored)).not.toContain(ticket);

    await admit(ticket);
    const again = await failure(admit(ticket));

    expect(again).toBeInstanceOf(BusError);
    expect(again?.code).toBe('NOT_FOUND');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).dialTicketHash).toBeNull();
  });

  it('lets exactly one of two racing admits of a ticket win', async () => {
    const { ticket } = await placeCall();
    const results = await Promise.allSettled([admit(ticket), admit(ticket), admit(ticket)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as BusError).code] : []));
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('refuses an expired ticket, the ticket of a reset task, and an unknown one', async () => {
    const expired = await placeCall();
    await h.db.task.update({ where: { id: expired.taskId }, data: { dialTicketExpiresAt: new Date(Date.now() - 1_000) } });
    const reset = await placeCall();
    await h.bus.request(rpcSubjects.dialerTaskReset, { orgId, taskId: reset.taskId }, { timeoutMs: 15_000 });

    for (const ticket of [expired.ticket, reset.ticket, 'never-issued']) {
      expect((await failure(admit(ticket)))?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses the call of a task no API key created: it could be attributed to nobody', async () => {
    const { ticket } = await placeCall({}, null);
    expect((await failure(admit(ticket)))?.code).toBe('NOT_FOUND');
  });

  it('expires a ticket with the ring timeout', async () => {
    const before = Date.now();
    const { taskId } = await placeCall();
    const { dialTicketExpiresAt } = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
    const ttl = (dialTicketExpiresAt?.getTime() ?? 0) - before;
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThan(60_000 + 30_000);
  });
});
