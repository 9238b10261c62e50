import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type DialerClient } from '../src';

describe('dialer slice', () => {
  let database: TestDatabase;
  let prisma: DialerClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const task = (data: { orgId: string; priority?: number; scheduledAt?: Date | null; name?: string }) =>
    prisma.task.create({ data: { agentId: randomUUID(), name: 'Call customer', toNumber: '+14155550100', ...data } });

  it('creates a pending task with every field of the Tasks API', async () => {
    const created = await prisma.task.create({
      data: {
        orgId: randomUUID(),
        agentId: randomUUID(),
        name: 'Call customer',
        description: 'Follow up call',
        toNumber: '+1234567890',
        startingMessage: 'Hello, this is a call from our company',
        contextData: { customer_name: 'John Doe', order_id: '12345' },
        webhookUrl: 'https://example.test/webhooks',
        webhookEvents: ['call_started', 'call_completed'],
      },
    });

    expect(created).toMatchObject({
      status: 'pending',
      priority: 0,
      scheduledAt: null,
      attempts: 0,
      callId: null,
      contextData: { customer_name: 'John Doe', order_id: '12345' },
      webhookEvents: ['call_started', 'call_completed'],
    });
  });

  it('lists due pending tasks by priority, leaving future ones out', async () => {
    const orgId = randomUUID();
    await task({ orgId, name: 'low', priority: 0 });
    await task({ orgId, name: 'high', priority: 5 });
    await task({ orgId, name: 'later', priority: 9, scheduledAt: new Date(Date.now() + 3_600_000) });

    const due = await prisma.task.findMany({
      where: { orgId, status: 'pending', OR: [{ scheduledAt: null }, { scheduledAt: { lte: new Date() } }] },
      orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }],
    });

    expect(due.map((found) => found.name)).toEqual(['high', 'low']);
  });
});
