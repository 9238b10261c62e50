import type { Redis } from 'ioredis';
import { CallLease, type LeaseTiming } from './call-lease';
import { ACQUIRE_LEASE, COUNT_LEASES } from './lease-scripts';

export interface CallLeasesOptions extends LeaseTiming {
  /** Prefix of every Redis key this gateway writes, e.g. `gateway:`. */
  readonly keyPrefix: string;
  /** Renewal failures (Redis down); the lease keeps its slot until it expires. */
  readonly onRenewError: (err: unknown, lease: CallLease) => void;
}

/** The concurrent-call limit of each organization, enforced across every gateway through Redis. */
export class CallLeases {
  constructor(
    private readonly redis: Redis,
    private readonly options: CallLeasesOptions,
  ) {}

  /** A renewing lease for the call, or null when the organization already has `limit` live calls. */
  async acquire(orgId: string, callId: string, limit: number): Promise<CallLease | null> {
    const setKey = this.setKey(orgId);
    const granted = await this.redis.eval(ACQUIRE_LEASE, 1, setKey, callId, limit, this.options.ttlMs);
    if (granted !== 1) return null;
    const lease: CallLease = new CallLease(this.redis, setKey, orgId, callId, this.options, (err) =>
      this.options.onRenewError(err, lease),
    );
    lease.startRenewing();
    return lease;
  }

  /** Live calls of the organization, counting only unexpired leases. */
  async count(orgId: string): Promise<number> {
    return Number(await this.redis.eval(COUNT_LEASES, 1, this.setKey(orgId)));
  }

  private setKey(orgId: string): string {
    // The org id in braces keeps each set in one Redis Cluster slot.
    return `${this.options.keyPrefix}leases:{${orgId}}`;
  }
}
