import { randomUUID } from 'node:crypto';
import { BusError } from '@parley/bus';
import { type RpcReply, type RpcRequest, type RpcSubject, rpcSubjects, type TaskFields } from '@parley/contracts';
import { type DialerHarness, startDialerHarness } from './support/dialer-harness';

describe('dialer task RPCs against real Postgres and NATS', () => {
  const orgId = randomUUID();
  const agentId = randomUUID();
  const fields: TaskFields = { name: 'Call customer', toNumber: '+14155550100' };
  let h: DialerHarness;

  const rpc = <S extends RpcSubject>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> =>
    h.bus.request(subject, request, { timeoutMs: 15_000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as BusError);
  const create = (more: Partial<TaskFields> = {}, owner = { orgId, agentId }) =>
    rpc(rpcSubjects.dialerTaskCreate, { ...owner, fields: { ...fields, ...more } });
  const key = (taskId: string) => ({ orgId, taskId });

  beforeAll(async () => {
    h = await startDialerHarness('dialer_tasks');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a pending task with every field of reference 002 and reads it back', async () => {
    const created = await create({
      description: 'Follow up call',
      startingMessage: 'Hello {{customer_name}}, this is a call from our company',
      contextData: { customer_name: 'John Doe', order_id: '12345' },
      priority: 7,
      scheduledAt: '2030-01-01T10:00:00.000Z',
      webhookUrl: 'https://example.com/hooks',
      webhookEvents: ['call_started', 'call_completed'],
    });

    expect(created).toMatchObject({
      orgId,
      agentId,
      status: 'pending',
      priority: 7,
      scheduledAt: '2030-01-01T10:00:00.000Z',
      contextData: { customer_name: 'John Doe', order_id: '12345' },
      webhookEvents: ['call_started', 'call_completed'],
      callId: null,
      attempts: 0,
    });
    await expect(rpc(rpcSubjects.dialerTaskGet, key(created.id))).resolves.toEqual(created);
  });

  it("answers NOT_FOUND for another organization's task, whatever the operation", async () => {
    const task = await create();
    const other = { orgId: randomUUID(), taskId: task.id };
    for (const attempt of [
      rpc(rpcSubjects.dialerTaskGet, other),
      rpc(rpcSubjects.dialerTaskUpdate, { ...other, changes: { name: 'x' } }),
      rpc(rpcSubjects.dialerTaskDelete, other),
      rpc(rpcSubjects.dialerTaskExecute, other),
      rpc(rpcSubjects.dialerTaskReset, other),
    ]) {
      await expect(failure(attempt)).resolves.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(failure(rpc(rpcSubjects.dialerTaskGet, { orgId, taskId: 'not-a-uuid' }))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists by agent and status, newest first, with the total for paging', async () => {
    const owner = { orgId: randomUUID(), agentId: randomUUID() };
    const first = await create({ name: 'first' }, owner);
    await create({ name: 'second' }, owner);
    await create({ name: 'third' }, owner);
    await create({ name: 'other agent' }, { ...owner, agentId: randomUUID() });
    await rpc(rpcSubjects.dialerTaskExecute, { orgId: owner.orgId, taskId: first.id });

    const page = await rpc(rpcSubjects.dialerTaskList, { ...owner, limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.tasks.map((t) => t.name)).toEqual(['third', 'second']);
    const pending = await rpc(rpcSubjects.dialerTaskList, { ...owner, status: 'pending', limit: 50, offset: 0 });
    expect(pending.tasks.map((t) => t.name)).toEqual(['third', 'second']);
    const running = await rpc(rpcSubjects.dialerTaskList, { ...owner, status: 'in_progress', limit: 50, offset: 1 });
    expect(running).toEqual({ tasks: [], total: 1 });
  });

  it('patches a pending task, leaving unnamed fields alone and clearing explicit nulls', async () => {
    const task = await create({ description: 'before', contextData: { a: 1 } });
    const patched = await rpc(rpcSubjects.dialerTaskUpdate, {
      ...key(task.id),
      changes: { toNumber: '+442071234567', contextData: null, webhookEvents: ['call_failed'] },
    });
    expect(patched).toMatchObject({ toNumber: '+442071234567', contextData: null, description: 'before' });
    expect(patched.webhookEvents).toEqual(['call_failed']);
  });

  it('refuses to patch or execute a task that is not pending with CONFLICT', async () => {
    const task = await create();
    await rpc(rpcSubjects.dialerTaskExecute, key(task.id));
    await expect(
      failure(rpc(rpcSubjects.dialerTaskUpdate, { ...key(task.id), changes: { name: 'late' } })),
    ).resolves.toMatchObject({ code: 'CONFLICT' });
    await expect(failure(rpc(rpcSubjects.dialerTaskExecute, key(task.id)))).resolves.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('deletes pending and failed tasks only', async () => {
    const pending = await create();
    await expect(rpc(rpcSubjects.dialerTaskDelete, key(pending.id))).resolves.toEqual({
      taskId: pending.id,
      deleted: true,
    });
    await expect(failure(rpc(rpcSubjects.dialerTaskGet, key(pending.id)))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });

    const running = await create();
    await rpc(rpcSubjects.dialerTaskExecute, key(running.id));
    await expect(failure(rpc(rpcSubjects.dialerTaskDelete, key(running.id)))).resolves.toMatchObject({
      code: 'CONFLICT',
    });

    h.provider.refusal = 'number unreachable';
    const failed = await create();
    await rpc(rpcSubjects.dialerTaskExecute, key(failed.id)).finally(() => (h.provider.refusal = undefined));
    await expect(rpc(rpcSubjects.dialerTaskDelete, key(failed.id))).resolves.toMatchObject({ deleted: true });
  });

  it('executes a pending task: a fresh call id, in progress, and the provider dials with its context', async () => {
    const task = await create({ startingMessage: 'Hi {{customer_name}}', contextData: { customer_name: 'Ada' } });
    const dialsBefore = h.provider.dials.length;

    const reply = await rpc(rpcSubjects.dialerTaskExecute, key(task.id));

    expect(reply).toEqual({ taskId: task.id, callId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const after = await rpc(rpcSubjects.dialerTaskGet, key(task.id));
    expect(after).toMatchObject({ status: 'in_progress', callId: reply.callId, attempts: 1 });
    expect(after.startedAt).not.toBeNull();
    expect(h.provider.dials.slice(dialsBefore).map((d) => d.call)).toEqual([
      {
        callId: reply.callId,
        taskId: task.id,
        orgId,
        agentId,
        toNumber: fields.toNumber,
        startingMessage: 'Hi {{customer_name}}',
        contextData: { customer_name: 'Ada' },
        ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      },
    ]);
  });

  it('fails the task with the reason when the provider refuses the call', async () => {
    const task = await create();
    h.provider.refusal = 'carrier said no';
    const reply = await rpc(rpcSubjects.dialerTaskExecute, key(task.id)).finally(
      () => (h.provider.refusal = undefined),
    );
    await expect(rpc(rpcSubjects.dialerTaskGet, key(task.id))).resolves.toMatchObject({
      status: 'failed',
      callId: reply.callId,
      lastError: 'carrier said no',
    });
  });

  it('resets any task but a pending one back to pending, forgetting its call', async () => {
    const task = await create();
    await expect(failure(rpc(rpcSubjects.dialerTaskReset, key(task.id)))).resolves.toMatchObject({
      code: 'CONFLICT',
    });
    await rpc(rpcSubjects.dialerTaskExecute, key(task.id));
    const reset = await rpc(rpcSubjects.dialerTaskReset, key(task.id));
    expect(reset).toMatchObject({ status: 'pending', callId: null, startedAt: null, attempts: 1 });
    await expect(rpc(rpcSubjects.dialerTaskExecute, key(task.id))).resolves.toMatchObject({ taskId: task.id });
  });

  it('refuses a request that breaks the contract with INVALID_REQUEST', async () => {
    const bad = { orgId, agentId, fields: { ...fields, toNumber: '4155550100' } };
    await expect(failure(rpc(rpcSubjects.dialerTaskCreate, bad))).resolves.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});
