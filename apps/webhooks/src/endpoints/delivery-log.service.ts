import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type {
  WebhookDeliveriesListReply,
  WebhookDeliveriesListRequest,
  WebhookDelivery,
  WebhookRedeliverRequest,
  WebhookTestReply,
  WebhookTestRequest,
} from '@parley/contracts';
import type { WebhooksClient } from '@parley/db-webhooks';
import { WEBHOOKS_DB } from '../database/database.tokens';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { EventFanOut } from '../events/event-fan-out';
import { EndpointsService } from './endpoints.service';
import { toWebhookDelivery } from './webhook.mapper';
import { isUuid } from '../is-uuid';

/** An endpoint's delivery log, manual redelivery, and the test event of reference 004. */
@Injectable()
export class DeliveryLogService {
  constructor(
    @Inject(WEBHOOKS_DB) private readonly db: WebhooksClient,
    @Inject(EndpointsService) private readonly endpoints: EndpointsService,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async list(request: WebhookDeliveriesListRequest): Promise<WebhookDeliveriesListReply> {
    const endpoint = await this.endpoints.find(request.orgId, request.webhookId);
    const where = { endpointId: endpoint.id, ...(request.status ? { status: request.status } : {}) };
    const [rows, total] = await Promise.all([
      this.db.delivery.findMany({ where, orderBy: { createdAt: 'desc' }, take: request.limit, skip: request.offset }),
      this.db.delivery.count({ where }),
    ]);
    return { deliveries: rows.map(toWebhookDelivery), total };
  }

  /**
   * Makes a delivered or failed delivery due now with a fresh retry schedule; the poll sends it
   * (same body, same idempotency id). A pending one is a CONFLICT.
   */
  async redeliver(request: WebhookRedeliverRequest): Promise<WebhookDelivery> {
    const endpoint = await this.endpoints.find(request.orgId, request.webhookId);
    if (!isUuid(request.deliveryId)) throw deliveryNotFound();
    const current = await this.db.delivery.findFirst({ where: { id: request.deliveryId, endpointId: endpoint.id } });
    if (!current) throw deliveryNotFound();
    // A pending delivery is queued or being attempted: sending it now could send it twice at once.
    if (current.status === 'pending') throw new BusError('CONFLICT', 'this delivery is still pending');
    const [row] = await this.db.delivery.updateManyAndReturn({
      where: { id: current.id, updatedAt: current.updatedAt },
      data: { status: 'pending', scheduleStart: current.attempts, nextAttemptAt: new Date() },
    });
    if (!row) throw new BusError('CONFLICT', 'the delivery changed meanwhile; try again');
    this.dispatcher.pollSoon();
    return toWebhookDelivery(row);
  }

  /** One event of `eventType` (default `test`) to every active subscribed endpoint. */
  async fireTest(request: WebhookTestRequest): Promise<WebhookTestReply> {
    const eventId = `evt_test_${randomUUID().replaceAll('-', '')}`;
    const endpoints = await this.fanOut.publish({
      orgId: request.orgId,
      eventId,
      eventType: request.eventType,
      timestamp: new Date().toISOString(),
      data: request.payload ?? { message: 'This is a test event from Parley' },
    });
    return { eventId, eventType: request.eventType, endpoints };
  }
}

function deliveryNotFound(): BusError {
  return new BusError('NOT_FOUND', 'no delivery with this id for this webhook');
}
