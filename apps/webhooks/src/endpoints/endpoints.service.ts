import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type {
  WebhookCreateReply,
  WebhookCreateRequest,
  WebhookDeleteReply,
  WebhookDeleteRequest,
  WebhookEndpoint,
  WebhookGetRequest,
  WebhookListReply,
  WebhookListRequest,
  WebhookRotateSecretRequest,
  WebhookUpdateRequest,
} from '@parley/contracts';
import type { Endpoint, WebhooksClient } from '@parley/db-webhooks';
import { OutboundTargetGuard, OutboundTargetRefused } from '@parley/service';
import { WEBHOOKS_DB } from '../database/database.tokens';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../delivery/delivery-sender';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { toWebhookEndpoint } from './webhook.mapper';
import { isUuid } from '../is-uuid';

/** Not found, and not someone else's either: the two answers are the same. */
export function webhookNotFound(): BusError {
  return new BusError('NOT_FOUND', 'no webhook with this id in the organization');
}

/**
 * An organization's endpoints. Every query is scoped by `orgId`, so another organization's
 * endpoint is NOT_FOUND. A URL the delivery guard would refuse is refused here already.
 */
@Injectable()
export class EndpointsService {
  private readonly guard: OutboundTargetGuard;

  constructor(
    @Inject(WEBHOOKS_DB) private readonly db: WebhooksClient,
    @Inject(DELIVERY_SETTINGS) settings: DeliverySettings,
  ) {
    this.guard = new OutboundTargetGuard(settings.allowedHosts);
  }

  async create(request: WebhookCreateRequest): Promise<WebhookCreateReply> {
    await this.checkUrl(request.url);
    const row = await this.db.endpoint.create({
      data: {
        orgId: request.orgId,
        url: request.url,
        events: [...new Set(request.events ?? [])],
        description: request.description ?? null,
        secret: newWebhookSecret(),
      },
    });
    return toWebhookEndpoint(row, true) as WebhookCreateReply;
  }

  async list(request: WebhookListRequest): Promise<WebhookListReply> {
    if (!isUuid(request.orgId)) return { webhooks: [], total: 0 };
    const where = { orgId: request.orgId };
    const [rows, total] = await Promise.all([
      this.db.endpoint.findMany({ where, orderBy: { createdAt: 'desc' }, take: request.limit, skip: request.offset }),
      this.db.endpoint.count({ where }),
    ]);
    return { webhooks: rows.map((row) => toWebhookEndpoint(row)), total };
  }

  async get(request: WebhookGetRequest): Promise<WebhookEndpoint> {
    return toWebhookEndpoint(await this.find(request.orgId, request.webhookId));
  }

  async update(request: WebhookUpdateRequest): Promise<WebhookEndpoint> {
    const current = await this.find(request.orgId, request.webhookId);
    if (request.url !== undefined) await this.checkUrl(request.url);
    const reEnable = request.active === true && !current.active;
    const row = await this.db.endpoint.update({
      where: { id: current.id },
      data: {
        url: request.url,
        events: request.events ? [...new Set(request.events)] : undefined,
        description: request.description,
        active: request.active,
        ...(reEnable ? { failureCount: 0, disabledAt: null } : {}),
      },
    });
    return toWebhookEndpoint(row);
  }

  async delete(request: WebhookDeleteRequest): Promise<WebhookDeleteReply> {
    const current = await this.find(request.orgId, request.webhookId);
    await this.db.endpoint.delete({ where: { id: current.id } });
    return { id: current.id, deleted: true };
  }

  async rotateSecret(request: WebhookRotateSecretRequest): Promise<WebhookCreateReply> {
    const current = await this.find(request.orgId, request.webhookId);
    const row = await this.db.endpoint.update({ where: { id: current.id }, data: { secret: newWebhookSecret() } });
    return toWebhookEndpoint(row, true) as WebhookCreateReply;
  }

  /** The organization's endpoint, or NOT_FOUND (ids that are not UUIDs name none). */
  async find(orgId: string, webhookId: string): Promise<Endpoint> {
    if (!isUuid(orgId) || !isUuid(webhookId)) throw webhookNotFound();
    const row = await this.db.endpoint.findFirst({ where: { id: webhookId, orgId } });
    if (!row) throw webhookNotFound();
    return row;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await this.guard.resolve(url);
    } catch (err) {
      // A name that does not resolve yet may later; only what the guard refuses for good is refused.
      if (err instanceof OutboundTargetRefused) throw new BusError('INVALID_REQUEST', `webhook url refused: ${err.message}`);
    }
  }
}
