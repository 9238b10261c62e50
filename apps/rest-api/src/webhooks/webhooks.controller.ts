import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import {
  deliveryParamsSchema,
  type WebhookCreateBody,
  webhookCreateBodySchema,
  type WebhookDeliveriesQuery,
  webhookDeliveriesQuerySchema,
  type WebhookListQuery,
  webhookListQuerySchema,
  webhookParamsSchema,
  type WebhookPatchBody,
  webhookPatchBodySchema,
  type WebhookTestBody,
  webhookTestBodySchema,
} from './webhook-request.schema';
import {
  webhookDeleteViewSchema,
  webhookDeliveryViewSchema,
  webhookTestViewSchema,
  webhookViewSchema,
} from './webhook-view.schema';
import { WebhooksService } from './webhooks.service';

type Params = { id: string };

/** `/api/v1/webhooks` (reference 004 §12): endpoints, their delivery log, and the test event. */
@Controller('api/v1/webhooks')
@UseGuards(ApiKeyGuard)
export class WebhooksController {
  constructor(@Inject(WebhooksService) private readonly webhooks: WebhooksService) {}

  @Post('test')
  @HttpCode(200)
  @Endpoint({ summary: 'Fire a test webhook event', body: webhookTestBodySchema, response: webhookTestViewSchema })
  test(@CurrentPrincipal() p: Principal, @ValidBody() body: WebhookTestBody) {
    return this.webhooks.test(p.orgId, body);
  }

  @Post()
  @Endpoint({ summary: 'Create a webhook (its secret is shown once)', body: webhookCreateBodySchema, response: webhookViewSchema, status: 201 })
  create(@CurrentPrincipal() p: Principal, @ValidBody() body: WebhookCreateBody) {
    return this.webhooks.create(p.orgId, body);
  }

  @Get()
  @Endpoint({ summary: 'List webhooks', query: webhookListQuerySchema, response: webhookViewSchema, list: true })
  list(@CurrentPrincipal() p: Principal, @ValidQuery() query: WebhookListQuery) {
    return this.webhooks.list(p.orgId, query);
  }

  @Get(':id')
  @Endpoint({ summary: 'Get a webhook', params: webhookParamsSchema, response: webhookViewSchema })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: Params) {
    return this.webhooks.get(p.orgId, params.id);
  }

  @Patch(':id')
  @Endpoint({ summary: 'Update a webhook', params: webhookParamsSchema, body: webhookPatchBodySchema, response: webhookViewSchema })
  update(@CurrentPrincipal() p: Principal, @ValidParams() params: Params, @ValidBody() body: WebhookPatchBody) {
    return this.webhooks.update(p.orgId, params.id, body);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete a webhook', params: webhookParamsSchema, response: webhookDeleteViewSchema })
  remove(@CurrentPrincipal() p: Principal, @ValidParams() params: Params) {
    return this.webhooks.remove(p.orgId, params.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Endpoint({ summary: 'Rotate a webhook secret', params: webhookParamsSchema, response: webhookViewSchema })
  rotateSecret(@CurrentPrincipal() p: Principal, @ValidParams() params: Params) {
    return this.webhooks.rotateSecret(p.orgId, params.id);
  }

  @Get(':id/deliveries')
  @Endpoint({
    summary: "List a webhook's deliveries",
    params: webhookParamsSchema,
    query: webhookDeliveriesQuerySchema,
    response: webhookDeliveryViewSchema,
    list: true,
  })
  deliveries(@CurrentPrincipal() p: Principal, @ValidParams() params: Params, @ValidQuery() query: WebhookDeliveriesQuery) {
    return this.webhooks.deliveries(p.orgId, params.id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Endpoint({ summary: 'Redeliver one delivery', params: deliveryParamsSchema, response: webhookDeliveryViewSchema })
  redeliver(@CurrentPrincipal() p: Principal, @ValidParams() params: Params & { deliveryId: string }) {
    return this.webhooks.redeliver(p.orgId, params.id, params.deliveryId);
  }
}
