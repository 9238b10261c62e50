import type { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import type { Redis } from 'ioredis';

export interface BalanceCheckOptions {
  readonly keyPrefix: string;
  /** How long a balance is trusted; billing stops a call that overruns it mid-call anyway. */
  readonly ttlMs: number;
  readonly rpcTimeoutMs: number;
}

/** Whether an organization has points left, from a short-lived Redis copy or the billing RPC. */
export class BalanceCheck {
  constructor(
    private readonly bus: Bus,
    private readonly redis: Redis,
    private readonly options: BalanceCheckOptions,
  ) {}

  async hasPoints(orgId: string): Promise<boolean> {
    return (await this.points(orgId)) > 0;
  }

  private async points(orgId: string): Promise<number> {
    const key = `${this.options.keyPrefix}balance:${orgId}`;
    const cached = await this.redis.get(key);
    if (cached !== null) return Number(cached);
    const { points } = await this.bus.request(
      rpcSubjects.billingBalanceGet,
      { orgId },
      { timeoutMs: this.options.rpcTimeoutMs },
    );
    await this.redis.set(key, String(points), 'PX', this.options.ttlMs);
    return points;
  }
}
