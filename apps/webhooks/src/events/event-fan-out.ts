import { Inject, Injectable } from '@nestjs/common';
import { DeliveriesRepository, type FanOut } from '../delivery/deliveries.repository';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { GroupCommit } from '../delivery/group-commit';
import { webhookBody, type WebhookEvent } from './platform-event-catalogue';
import { isUuid } from '../is-uuid';

/**
 * Queues an event for every subscribed endpoint of its organization, then starts the attempts
 * in the background. Resolves once the deliveries are stored: that is when the bus event may be
 * acked, and the attempts never hold up whoever published it. Events arriving together (many
 * in flight at once) are stored in one statement.
 */
@Injectable()
export class EventFanOut {
  private readonly group = new GroupCommit<FanOut, number>((events) => this.store(events));

  constructor(
    @Inject(DeliveriesRepository) private readonly deliveries: DeliveriesRepository,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  /** The number of endpoints the event was queued for. */
  async publish(event: WebhookEvent): Promise<number> {
    // Organizations are UUIDs; any other id owns no endpoint.
    if (!isUuid(event.orgId)) return 0;
    return this.group.submit({ orgId: event.orgId, eventId: event.eventId, eventType: event.eventType, body: webhookBody(event) });
  }

  private async store(events: FanOut[]): Promise<number[]> {
    const claim = this.dispatcher.hasCapacity(events.length);
    const jobs = await this.deliveries.fanOut(events, claim ? this.dispatcher.leaseMs : 0);
    if (claim) this.dispatcher.run(jobs);
    else if (jobs.length > 0) this.dispatcher.pollSoon();
    return events.map((event) => jobs.filter((job) => job.eventId === event.eventId).length);
  }
}
