import { Inject, Injectable } from '@nestjs/common';
import { rpcSubjects } from '@parley/contracts';
import { type Paginated, paginated } from '../http/paginated';
import type {
  WebhookCreateBody,
  WebhookDeliveriesQuery,
  WebhookListQuery,
  WebhookPatchBody,
  WebhookTestBody,
} from './webhook-request.schema';
import { toWebhookDeliveryView, toWebhookView } from './webhook-view.mapper';
import type { WebhookDeliveryView, WebhookView } from './webhook-view.schema';
import { WebhooksRpcClient } from './webhooks-rpc.client';

/** `/api/v1/webhooks` over the webhooks service's RPCs, scoped to the caller's organization. */
@Injectable()
export class WebhooksService {
  constructor(@Inject(WebhooksRpcClient) private readonly rpc: WebhooksRpcClient) {}

  async create(orgId: string, body: WebhookCreateBody): Promise<WebhookView> {
    return toWebhookView(await this.rpc.call(rpcSubjects.webhookCreate, { orgId, ...body }));
  }

  async list(orgId: string, query: WebhookListQuery): Promise<Paginated<WebhookView>> {
    const { webhooks, total } = await this.rpc.call(rpcSubjects.webhookList, { orgId, ...query });
    return paginated(webhooks.map(toWebhookView), total, query);
  }

  async get(orgId: string, webhookId: string): Promise<WebhookView> {
    return toWebhookView(await this.rpc.call(rpcSubjects.webhookGet, { orgId, webhookId }));
  }

  async update(orgId: string, webhookId: string, body: WebhookPatchBody): Promise<WebhookView> {
    return toWebhookView(await this.rpc.call(rpcSubjects.webhookUpdate, { orgId, webhookId, ...body }));
  }

  remove(orgId: string, webhookId: string) {
    return this.rpc.call(rpcSubjects.webhookDelete, { orgId, webhookId });
  }

  async rotateSecret(orgId: string, webhookId: string): Promise<WebhookView> {
    return toWebhookView(await this.rpc.call(rpcSubjects.webhookRotateSecret, { orgId, webhookId }));
  }

  async deliveries(orgId: string, webhookId: string, query: WebhookDeliveriesQuery): Promise<Paginated<WebhookDeliveryView>> {
    const { deliveries, total } = await this.rpc.call(rpcSubjects.webhookDeliveriesList, { orgId, webhookId, ...query });
    return paginated(deliveries.map(toWebhookDeliveryView), total, query);
  }

  async redeliver(orgId: string, webhookId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return toWebhookDeliveryView(await this.rpc.call(rpcSubjects.webhookRedeliver, { orgId, webhookId, deliveryId }));
  }

  async test(orgId: string, body: WebhookTestBody) {
    const fired = await this.rpc.call(rpcSubjects.webhookTest, { orgId, eventType: body.event_type, payload: body.payload });
    return { event_id: fired.eventId, event_type: fired.eventType, endpoints: fired.endpoints };
  }
}
