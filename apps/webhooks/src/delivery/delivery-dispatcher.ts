import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryJob } from './delivery-job';
import { DeliverySender } from './delivery-sender';

export const DISPATCH_SETTINGS = Symbol('webhooks:dispatch-settings');

export interface DispatchSettings {
  /** Attempts in flight at once in this instance. */
  readonly concurrency: number;
  readonly pollIntervalMs: number;
}

/**
 * Runs attempts in the background, never on the caller's path: new deliveries are handed over
 * right after they are queued (claimed by their creator), and a poll claims what is due: retries,
 * and deliveries a crashed or busy instance left behind. The database, not this process, is the
 * queue, so a kill loses nothing.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    @Inject(DeliveriesRepository) private readonly deliveries: DeliveriesRepository,
    @Inject(DeliverySender) private readonly sender: DeliverySender,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedulePoll(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled(this.inFlight);
  }

  /** Lease for deliveries a caller claims at creation and hands to `run`. */
  get leaseMs(): number {
    return this.sender.leaseMs;
  }

  /** Room for `count` more attempts now; without it, new deliveries are left due for the poll. */
  hasCapacity(count = 1): boolean {
    return !this.stopped && this.inFlight.size + count <= this.settings.concurrency;
  }

  /** Starts attempts for claimed deliveries, without waiting for them. */
  run(jobs: readonly DeliveryJob[]): void {
    for (const job of jobs) {
      const attempt = this.sender
        .attempt(job)
        .catch((err: unknown) => this.log.error({ err, deliveryId: job.id }, 'webhook attempt not recorded'))
        .finally(() => this.inFlight.delete(attempt));
      this.inFlight.add(attempt);
    }
  }

  /** Something became due (a manual redelivery): look now rather than at the next tick. */
  pollSoon(): void {
    this.schedulePoll(0);
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    let claimed = 0;
    try {
      const room = this.settings.concurrency - this.inFlight.size;
      if (room > 0 && !this.stopped) {
        const jobs = await this.deliveries.claimDue(room, this.leaseMs);
        claimed = jobs.length;
        this.run(jobs);
      }
    } catch (err) {
      this.log.error({ err }, 'webhook poll failed');
    } finally {
      this.polling = false;
      // Work found means more may be due (a backlog): come back soon rather than at the next tick.
      this.schedulePoll(claimed > 0 ? Math.min(20, this.settings.pollIntervalMs) : this.settings.pollIntervalMs);
    }
  }
}
