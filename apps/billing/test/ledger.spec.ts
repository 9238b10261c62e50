import { randomUUID } from 'node:crypto';
import { type BillingClient, createPrismaClient, slice } from '@parley/db-billing';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { InsufficientBalanceError } from '../src/ledger/ledger.errors';
import { LedgerService } from '../src/ledger/ledger.service';

describe('points ledger against real Postgres', () => {
  let database: TestDatabase;
  let db: BillingClient;
  let ledger: LedgerService;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    ledger = new LedgerService(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const balanceOf = async (orgId: string) => (await db.account.findUniqueOrThrow({ where: { orgId } })).balancePoints;
  const credit = (orgId: string, points: number, idempotencyKey = randomUUID()) =>
    ledger.credit({ orgId, points, reason: 'top-up', idempotencyKey });

  it('leaves exactly 0 and 70 successes after 200 concurrent debits against a balance of 70', async () => {
    const orgId = randomUUID();
    await credit(orgId, 70);

    const debits = Array.from({ length: 200 }, (_, i) =>
      ledger.debit({ orgId, points: 1, reason: 'call usage', idempotencyKey: `race:${orgId}:${i}` }),
    );
    const results = await Promise.allSettled(debits);

    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(succeeded).toHaveLength(70);
    expect(refused).toHaveLength(130);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientBalanceError);
    expect(await balanceOf(orgId)).toBe(0n);
    expect(await db.ledgerEntry.count({ where: { orgId, kind: 'debit' } })).toBe(70);
    const afters = (await db.ledgerEntry.findMany({ where: { orgId, kind: 'debit' } })).map((e) => e.balanceAfter);
    expect(new Set(afters).size).toBe(70);
  });

  it('credits once per idempotency key, even when the same credit races itself', async () => {
    const orgId = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => credit(orgId, 500, `grant:${orgId}`)));

    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(await balanceOf(orgId)).toBe(500n);
  });

  it('debits once per idempotency key and records the balance after each entry', async () => {
    const orgId = randomUUID();
    await credit(orgId, 100);
    const move = { orgId, points: 30, reason: 'call usage', idempotencyKey: `usage:${orgId}:1` };

    const first = await ledger.debit(move);
    const again = await ledger.debit(move);

    expect(first).toMatchObject({ applied: true, balanceAfter: 70n });
    expect(again).toMatchObject({ applied: false, entryId: first.entryId, balanceAfter: 70n });
    expect(await balanceOf(orgId)).toBe(70n);
  });

  it('refuses a debit larger than the balance and takes nothing', async () => {
    const orgId = randomUUID();
    await credit(orgId, 5);
    await expect(ledger.debit({ orgId, points: 6, reason: 'x', idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      InsufficientBalanceError,
    );
    expect(await balanceOf(orgId)).toBe(5n);
  });
});
