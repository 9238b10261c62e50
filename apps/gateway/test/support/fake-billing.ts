import type { Bus } from '@parley/bus';
import { type BalanceGetReply, rpcSubjects } from '@parley/contracts';

/** Stands in for billing on `billing.v1.rpc.balance.get`, answering from a map the test fills. */
export class FakeBilling {
  /** Balance requests that reached this responder. */
  requests = 0;
  private readonly balances = new Map<string, number>();

  serve(bus: Bus): void {
    bus.serve(rpcSubjects.billingBalanceGet, (request) => {
      this.requests++;
      return this.balanceOf(request.orgId);
    });
  }

  setBalance(orgId: string, points: number): void {
    this.balances.set(orgId, points);
  }

  /** Public so a spec can make one answer fail. An org never credited has zero points. */
  async balanceOf(orgId: string): Promise<BalanceGetReply> {
    return { orgId, points: this.balances.get(orgId) ?? 0, asOf: new Date().toISOString() };
  }
}
