import type { BillingClient } from '@parley/db-billing';
import { STARTING_POINTS } from './demo-data';

export interface StartingBalance {
  readonly balancePoints: bigint;
  /** False when an earlier seed already granted the starting points. */
  readonly credited: boolean;
}

/** Credits the starting points once per organization (idempotency key `seed:<orgId>`). */
export async function ensureStartingBalance(billing: BillingClient, orgId: string): Promise<StartingBalance> {
  const idempotencyKey = `seed:${orgId}`;
  return billing.$transaction(async (tx) => {
    const account = await tx.account.upsert({ where: { orgId }, create: { orgId }, update: {} });
    if (await tx.ledgerEntry.findUnique({ where: { idempotencyKey } })) {
      return { balancePoints: account.balancePoints, credited: false };
    }
    const { balancePoints } = await tx.account.update({
      where: { orgId },
      data: { balancePoints: { increment: STARTING_POINTS } },
    });
    await tx.ledgerEntry.create({
      data: {
        orgId,
        kind: 'credit',
        points: STARTING_POINTS,
        balanceAfter: balancePoints,
        reason: 'demo starting balance',
        idempotencyKey,
      },
    });
    return { balancePoints, credited: true };
  });
}
