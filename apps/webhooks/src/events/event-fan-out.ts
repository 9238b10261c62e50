import { Inject, Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../delivery/deliveries.repository';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { webhookBody, type WebhookEvent } from './platform-event-catalogue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Queues an event for every subscribed endpoint of its organization, then starts the attempts
 * in the background. Resolves once the deliveries are stored: that is when the bus event may be
 * acked, and the attempts never hold up whoever published it.
 */
@Injectable()
export class EventFanOut {
  constructor(
    @Inject(DeliveriesRepository) private readonly deliveries: DeliveriesRepository,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  /** The number of endpoints the event was queued for. */
  async publish(event: WebhookEvent): Promise<number> {
    // Organizations are UUIDs; any other id owns no endpoint.
    if (!UUID.test(event.orgId)) return 0;
    const claim = this.dispatcher.hasCapacity();
    const jobs = await this.deliveries.fanOut(
      { orgId: event.orgId, eventId: event.eventId, eventType: event.eventType, body: webhookBody(event) },
      claim ? this.dispatcher.leaseMs : 0,
    );
    if (claim) this.dispatcher.run(jobs);
    return jobs.length;
  }
}
