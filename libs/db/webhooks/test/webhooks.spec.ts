import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type WebhooksClient } from '../src';

describe('webhooks slice', () => {
  let database: TestDatabase;
  let prisma: WebhooksClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const endpoint = (orgId: string) =>
    prisma.endpoint.create({ data: { orgId, url: 'https://example.test/hook', secret: 'whsec_test' } });

  const delivery = (orgId: string, endpointId: string | null, eventId: string) =>
    prisma.delivery.create({
      data: {
        orgId,
        endpointId,
        url: 'https://example.test/hook',
        eventId,
        eventType: 'call.completed',
        body: JSON.stringify({ call_id: randomUUID() }),
      },
    });

  it('creates an active endpoint for every event, with no failures yet', async () => {
    expect(await endpoint(randomUUID())).toMatchObject({ active: true, events: [], failureCount: 0 });
  });

  it('logs a delivery as pending and refuses the same event to the same URL twice', async () => {
    const orgId = randomUUID();
    const target = await endpoint(orgId);
    const eventId = randomUUID();

    expect(await delivery(orgId, target.id, eventId)).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(delivery(orgId, target.id, eventId)).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps the delivery log when its endpoint is deleted', async () => {
    const orgId = randomUUID();
    const target = await endpoint(orgId);
    const logged = await delivery(orgId, target.id, randomUUID());

    await prisma.endpoint.delete({ where: { id: target.id } });

    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: logged.id } })).toMatchObject({ endpointId: null });
  });
});
