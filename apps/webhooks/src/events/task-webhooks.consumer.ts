import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import { DeliveriesRepository } from '../delivery/deliveries.repository';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { isUuid } from '../is-uuid';

/** Shared by every webhooks instance, so each task webhook is queued once. */
export const TASK_WEBHOOKS_DURABLE = 'webhooks-task-webhooks';

/**
 * Delivers the task webhooks the dialer asks for (`dialer.v1.evt.task.webhook-requested`) to the
 * task's own URL, with reference 002's body, signed with the organization's task key. Acked once
 * the delivery is stored; the attempt runs in the background, so call processing never waits.
 */
@Injectable()
export class TaskWebhooksConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(DeliveriesRepository) private readonly deliveries: DeliveriesRepository,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.dialer, TASK_WEBHOOKS_DURABLE, (event) => this.handle(event), {
      filterSubject: eventSubjects.taskWebhookRequested,
      maxDeliver: 1_000,
    });
  }

  async handle(event: ConsumedEvent<typeof eventSubjects.taskWebhookRequested>): Promise<void> {
    const { eventId, orgId, taskId, url, event: eventType, payload } = event.payload;
    // No organization has another kind of id; the row could not be stored, so nothing to send.
    if (!isUuid(orgId)) return;
    const claim = this.dispatcher.hasCapacity();
    const job = await this.deliveries.queueTask(
      { orgId, taskId, url, eventId, eventType, body: JSON.stringify(payload) },
      newWebhookSecret(),
      claim ? this.dispatcher.leaseMs : 0,
    );
    if (job && claim) this.dispatcher.run([job]);
  }
}
