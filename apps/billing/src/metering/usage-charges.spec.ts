import type { UsageRecordedEvent } from '@parley/contracts';
import { chargeUsage, type PricedUsage } from './usage-charges';

function usage(callId: string, orgId: string, points: number): PricedUsage {
  return { event: { callId, orgId } as UsageRecordedEvent, providerClass: 'embedded', points };
}

describe('chargeUsage', () => {
  it('takes each event in full while the balance lasts, then what is left, never below 0', () => {
    const balances = new Map([['org', 5]]);
    const charges = chargeUsage([usage('c1', 'org', 3), usage('c2', 'org', 3), usage('c1', 'org', 3)], balances, new Set());

    expect(charges.map((c) => [c.charged, c.unpaid, c.balanceAfter, c.exhausted])).toEqual([
      [3, 0, 2, false],
      [2, 1, 0, true],
      [0, 3, 0, true],
    ]);
    expect(balances.get('org')).toBe(0);
  });

  it('charges nothing to an organization without an account, and says it is exhausted', () => {
    const [charge] = chargeUsage([usage('c1', 'nobody', 1)], new Map(), new Set());
    expect(charge).toMatchObject({ charged: 0, unpaid: 1, exhausted: true });
  });

  it('charges nothing for a settled call and an event without seconds ends nothing', () => {
    const balances = new Map([['org', 0]]);
    const charges = chargeUsage([usage('settled', 'org', 4), usage('c2', 'org', 0)], balances, new Set(['settled']));
    expect(charges.map((c) => [c.charged, c.unpaid, c.exhausted])).toEqual([
      [0, 0, false],
      [0, 0, false],
    ]);
  });
});
