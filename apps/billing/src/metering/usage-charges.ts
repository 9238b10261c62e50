import type { UsageRecordedEvent } from '@parley/contracts';

/** A new usage event, priced: `points` asked for at its call's provider class. */
export interface PricedUsage {
  readonly event: UsageRecordedEvent;
  readonly providerClass: string;
  readonly points: number;
}

export interface UsageCharge {
  readonly usage: PricedUsage;
  /** Points taken from the balance: `points`, or less when the balance ran short. */
  readonly charged: number;
  readonly unpaid: number;
  readonly balanceAfter: number;
  /** The balance stands at 0 after a charge: the call must end. */
  readonly exhausted: boolean;
}

/**
 * Walks the batch's new events in order against the locked balances: each takes what it asks
 * for, or what is left, so a balance never goes below 0 and the event that empties it says so.
 * Events of settled calls were covered by their settlement and take nothing. Mutates `balances`.
 */
export function chargeUsage(
  usages: readonly PricedUsage[],
  balances: Map<string, number>,
  settledCalls: ReadonlySet<string>,
): UsageCharge[] {
  return usages.map((usage) => {
    const { orgId, callId } = usage.event;
    const before = balances.get(orgId) ?? 0;
    const asked = settledCalls.has(callId) ? 0 : usage.points;
    const charged = Math.min(asked, Math.max(before, 0));
    const balanceAfter = before - charged;
    if (balances.has(orgId)) balances.set(orgId, balanceAfter);
    return { usage, charged, unpaid: asked - charged, balanceAfter, exhausted: asked > 0 && balanceAfter <= 0 };
  });
}
