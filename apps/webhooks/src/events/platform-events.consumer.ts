import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { type EventSubject, eventSubjects, streams } from '@parley/contracts';
import { EventFanOut } from './event-fan-out';
import { toWebhookEvent } from './platform-event-catalogue';

/** Shared by every webhooks instance, so each fact is queued once. */
export const CALL_EVENTS_DURABLE = 'webhooks-call-events';
export const BILLING_EVENTS_DURABLE = 'webhooks-billing-events';
export const KNOWLEDGE_EVENTS_DURABLE = 'webhooks-knowledge-events';
export const CONSUMER_CONCURRENCY = Symbol('webhooks:consumer-concurrency');

/**
 * Turns call facts (CALL stream), settled costs (BILLING, `call.settled` only) and knowledge facts
 * (KNOWLEDGE: a document indexed, a base reindexed) into webhook
 * deliveries, through durable consumers with explicit acks: an event is acked only once its
 * deliveries are stored, so a webhooks or NATS restart loses none.
 */
@Injectable()
export class PlatformEventsConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(CONSUMER_CONCURRENCY) private readonly concurrency: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Many call facts in flight at once, so they are stored together.
    const handler = (event: ConsumedEvent<EventSubject>) => this.handle(event);
    await this.bus.consume(streams.call, CALL_EVENTS_DURABLE, handler, { maxDeliver: 1_000, concurrency: this.concurrency });
    await this.bus.consume(streams.billing, BILLING_EVENTS_DURABLE, (event) => this.handle(event), {
      filterSubject: eventSubjects.callSettled,
      maxDeliver: 1_000,
    });
    await this.bus.consume(streams.knowledge, KNOWLEDGE_EVENTS_DURABLE, (event) => this.handle(event), { maxDeliver: 1_000 });
  }

  async handle(event: ConsumedEvent<EventSubject>): Promise<void> {
    const webhookEvent = toWebhookEvent(event);
    if (webhookEvent) await this.fanOut.publish(webhookEvent);
  }
}
