import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { CallSettlementService } from './call-settlement.service';
import { isUuid } from './is-uuid';

export const SETTLEMENT_DURABLE = 'billing-settlement';
/** Deliveries of a `call.ended` that wait for the call's first usage event before settling without it. */
const USAGE_WAIT_DELIVERIES = 3;

/**
 * Settles each call from `call.ended` and publishes `billing.v1.evt.call.settled` with its cost.
 * The message id `<callId>:settled` stores a republished settlement once.
 */
@Injectable()
export class CallEndedConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(CallSettlementService) private readonly settlement: CallSettlementService,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.call, SETTLEMENT_DURABLE, (event) => this.onEnded(event), {
      filterSubject: eventSubjects.callEnded,
      maxDeliver: USAGE_WAIT_DELIVERIES + 5,
      nakDelayMs: 1_000,
    });
  }

  private async onEnded({ payload, deliveryCount }: ConsumedEvent<typeof eventSubjects.callEnded>): Promise<void> {
    if (!isUuid(payload.orgId) || !isUuid(payload.callId)) {
      this.log.warn({ callId: payload.callId }, 'call without uuid ids not settled');
      return;
    }
    const settled = await this.settlement.settle(payload, deliveryCount >= USAGE_WAIT_DELIVERIES);
    await this.bus.publishEvent(eventSubjects.callSettled, settled, { msgId: `${settled.callId}:settled` });
    this.log.info({ callId: settled.callId, points: settled.points, unpaid: settled.unpaidPoints }, 'call settled');
  }
}
