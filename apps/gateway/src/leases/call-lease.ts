import type { Redis } from 'ioredis';
import { RENEW_LEASE } from './lease-scripts';

export interface LeaseTiming {
  /** How long a lease lives without renewal: the longest a crashed gateway's calls keep counting. */
  readonly ttlMs: number;
  /** How often a live call renews; a third of the TTL survives two lost renewals. */
  readonly renewEveryMs: number;
}

type LostListener = () => void;

/**
 * One call's slot in its organization's concurrent-call limit. It renews itself until
 * `release()`; if a renewal finds the lease gone (Redis lost it, or this process stalled
 * past the TTL) it stops and tells `onLost` listeners, since the slot may be another call's now.
 */
export class CallLease {
  private timer?: NodeJS.Timeout;
  private ended = false;
  private readonly lostListeners: LostListener[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly setKey: string,
    readonly orgId: string,
    readonly callId: string,
    private readonly timing: LeaseTiming,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts the renew loop; called once by `CallLeases.acquire`. */
  startRenewing(): void {
    this.timer = setInterval(() => void this.renewInLoop(), this.timing.renewEveryMs);
    // A lease must never keep a process alive that is otherwise done.
    this.timer.unref();
  }

  /** False once the lease was released or found lost. */
  get held(): boolean {
    return !this.ended;
  }

  /**
   * Extends the lease by its TTL. The loop does this already; a caller may renew early, e.g.
   * after a long pause. A lease found expired is lost: `held` turns false, `onLost` fires.
   */
  async renew(): Promise<void> {
    if (this.ended) return;
    const renewed = await this.redis.eval(RENEW_LEASE, 1, this.setKey, this.callId, this.timing.ttlMs);
    if (renewed !== 1) this.lose();
  }

  /** Frees the slot at once. Safe to call more than once and from every end-of-call path. */
  async release(): Promise<void> {
    if (this.ended) return;
    this.stop();
    await this.redis.zrem(this.setKey, this.callId);
  }

  /** Called when a renewal finds the lease gone. */
  onLost(listener: LostListener): void {
    this.lostListeners.push(listener);
  }

  private async renewInLoop(): Promise<void> {
    try {
      await this.renew();
    } catch (err) {
      // Redis unreachable: keep trying; the lease still holds until its expiry.
      this.onError(err);
    }
  }

  private lose(): void {
    this.stop();
    for (const listener of this.lostListeners.splice(0)) listener();
  }

  private stop(): void {
    this.ended = true;
    clearInterval(this.timer);
  }
}
