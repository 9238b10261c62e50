import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { CallTerminator } from './call-terminator';
import { isUuid } from './is-uuid';
import { UsageSettler } from './usage-settler';

export const USAGE_DURABLE = 'billing-usage';
export const USAGE_CONSUMER_OPTIONS = Symbol('billing:usage-consumer-options');

export interface UsageConsumerOptions {
  /** Pullers on the one durable consumer: the usage events in flight, written as one batch. */
  readonly concurrency: number;
}

/**
 * Debits usage events as the gateways publish them. The durable
 * `billing-usage` consumer keeps many events in flight; each is acknowledged only after the
 * transaction holding it committed, and a redelivery is a no-op (the event's key), so a billing
 * killed mid-stream charges every event exactly once after its restart.
 */
@Injectable()
export class UsageConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(UsageSettler) private readonly settler: UsageSettler,
    @Inject(CallTerminator) private readonly terminator: CallTerminator,
    @Inject(USAGE_CONSUMER_OPTIONS) private readonly options: UsageConsumerOptions,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handler = (event: ConsumedEvent<typeof eventSubjects.usageRecorded>) => this.onUsage(event);
    // `concurrency` events in flight at once, which the settler writes together (group commit).
    await this.bus.consume(streams.metering, USAGE_DURABLE, handler, {
      filterSubject: eventSubjects.usageRecorded,
      ackWaitMs: 30_000,
      concurrency: this.options.concurrency,
    });
  }

  private async onUsage({ payload }: ConsumedEvent<typeof eventSubjects.usageRecorded>): Promise<void> {
    if (!isUuid(payload.orgId) || !isUuid(payload.callId)) {
      this.log.warn({ callId: payload.callId, seq: payload.seq }, 'usage event without uuid ids dropped');
      return;
    }
    const outcome = await this.settler.submit(payload);
    if (outcome.exhausted) this.terminator.endForBalance(payload.callId);
  }
}
