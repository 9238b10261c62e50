import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { type BillingClient, createPrismaClient, slice } from '@parley/db-billing';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { BalanceGetRpc } from '../src/balance/balance-get.rpc';
import { BalanceRepository } from '../src/balance/balance.repository';
import { BalanceService } from '../src/balance/balance.service';

const ORG = '6a1c3f0e-0000-4000-8000-000000000001';
const NEW_ORG = '6a1c3f0e-0000-4000-8000-000000000002';

describe('billing.v1.rpc.balance.get against real Postgres and NATS', () => {
  let database: TestDatabase;
  let db: BillingClient;
  let bus: Bus;

  const balanceOf = (orgId: string) => bus.request(rpcSubjects.billingBalanceGet, { orgId }, { timeoutMs: 2000 });

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    const namespace = uniqueNamespace('balance_get');
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'billing-test', namespace });
    new BalanceGetRpc(bus, new BalanceService(new BalanceRepository(db))).onModuleInit();
  });

  afterAll(async () => {
    await bus?.drain();
    await db?.$disconnect();
    await database?.drop();
  });

  it("answers with the account's balance points", async () => {
    await db.account.create({ data: { orgId: ORG, balancePoints: 1234n } });
    const reply = await balanceOf(ORG);
    expect(reply).toEqual({ orgId: ORG, points: 1234, asOf: expect.any(String) });
    expect(Date.now() - Date.parse(reply.asOf)).toBeLessThan(5000);
  });

  it('answers zero for an organization that was never credited', async () => {
    await expect(balanceOf(NEW_ORG)).resolves.toMatchObject({ orgId: NEW_ORG, points: 0 });
  });

  it('reports an overdrawn balance as negative points', async () => {
    await db.account.update({ where: { orgId: ORG }, data: { balancePoints: -5n } });
    await expect(balanceOf(ORG)).resolves.toMatchObject({ points: -5 });
  });
});
