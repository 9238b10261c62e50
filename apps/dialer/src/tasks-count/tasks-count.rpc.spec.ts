import { randomUUID } from 'node:crypto';
import { Bus, BusError } from '@parley/bus';
import { rpcSubjects, type TasksCountRequest } from '@parley/contracts';
import { createPrismaClient, type DialerClient, slice, type TaskStatus } from '@parley/db-dialer';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { TasksCountRepository } from './tasks-count.repository';
import { TasksCountRpc } from './tasks-count.rpc';

describe('dialer.v1.rpc.tasks.count against real Postgres and NATS', () => {
  const orgId = randomUUID();
  const agentId = randomUUID();
  const active: TasksCountRequest['statuses'] = ['pending', 'in_progress'];
  let database: TestDatabase;
  let db: DialerClient;
  let bus: Bus;

  const count = (request: TasksCountRequest) => bus.request(rpcSubjects.dialerTasksCount, request, { timeoutMs: 2000 });

  async function addTask(status: TaskStatus, owner = { orgId, agentId }) {
    await db.task.create({ data: { ...owner, name: 'Call', toNumber: '+14155550100', status } });
  }

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    const namespace = uniqueNamespace('tasks_count');
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'dialer-test', namespace });
    new TasksCountRpc(bus, new TasksCountRepository(db)).onModuleInit();
  });

  afterAll(async () => {
    await bus?.drain();
    await db?.$disconnect();
    await database?.drop();
  });

  it('answers zero for an agent without tasks', async () => {
    await expect(count({ orgId, agentId, statuses: active })).resolves.toEqual({ count: 0 });
  });

  it('counts only the asked statuses of that agent in that organization', async () => {
    await addTask('pending');
    await addTask('in_progress');
    await addTask('completed');
    await addTask('failed');
    await addTask('pending', { orgId, agentId: randomUUID() });
    await addTask('pending', { orgId: randomUUID(), agentId });

    await expect(count({ orgId, agentId, statuses: active })).resolves.toEqual({ count: 2 });
    await expect(count({ orgId, agentId, statuses: ['completed', 'failed'] })).resolves.toEqual({ count: 2 });
  });

  it('refuses a request that breaks the contract with INVALID_REQUEST', async () => {
    const bad = { orgId, agentId, statuses: [] } as TasksCountRequest;
    const failure = await count(bad).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BusError);
    expect(failure).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
