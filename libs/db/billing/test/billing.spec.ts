import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type BillingClient } from '../src';

describe('billing slice', () => {
  let database: TestDatabase;
  let prisma: BillingClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const credit = (orgId: string, idempotencyKey: string, points: bigint) =>
    prisma.ledgerEntry.create({
      data: { orgId, kind: 'credit', points, balanceAfter: points, reason: 'top-up', idempotencyKey },
    });

  it('stores balances and ledger amounts as big integers', async () => {
    const orgId = randomUUID();
    await prisma.account.create({ data: { orgId, balancePoints: 9_007_199_254_740_993n } });
    await credit(orgId, `topup:${orgId}`, 10n);

    const account = await prisma.account.findUniqueOrThrow({ where: { orgId }, include: { entries: true } });

    expect(account.balancePoints).toBe(9_007_199_254_740_993n);
    expect(account.entries).toEqual([expect.objectContaining({ kind: 'credit', points: 10n, callId: null })]);
  });

  it('refuses a second entry with the same idempotency key', async () => {
    const orgId = randomUUID();
    await prisma.account.create({ data: { orgId } });
    await credit(orgId, `seed:${orgId}`, 100n);

    await expect(credit(orgId, `seed:${orgId}`, 100n)).rejects.toMatchObject({ code: 'P2002' });
    expect(await prisma.ledgerEntry.count({ where: { orgId } })).toBe(1);
  });

  it('refuses an entry without an account, and an entry of zero or negative points', async () => {
    const orgId = randomUUID();

    await expect(credit(orgId, `orphan:${orgId}`, 5n)).rejects.toThrow();
    await prisma.account.create({ data: { orgId } });
    await expect(credit(orgId, `zero:${orgId}`, 0n)).rejects.toThrow(/ledger_entries_points_positive/);
    await expect(credit(orgId, `negative:${orgId}`, -5n)).rejects.toThrow(/ledger_entries_points_positive/);
  });
});
