import { webhookDeliveryStatusSchema, webhookEndpointUrlSchema, webhookEventTypeSchema } from '@parley/contracts';
import { z } from 'zod';
import { paginationQuery } from '../http/paginated';

/** `POST /api/v1/webhooks`: where to deliver and which event types (none: every type). */
export const webhookCreateBodySchema = z.object({
  url: webhookEndpointUrlSchema,
  events: z.array(webhookEventTypeSchema).max(20).optional(),
  description: z.string().max(500).nullable().optional(),
});

/** `PATCH /api/v1/webhooks/:id`: `active: true` re-enables an endpoint disabled by failures. */
export const webhookPatchBodySchema = webhookCreateBodySchema.partial().extend({ active: z.boolean().optional() });

/** `POST /api/v1/webhooks/test` (reference 004 §12). */
export const webhookTestBodySchema = z.object({
  event_type: webhookEventTypeSchema.default('test'),
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const webhookListQuerySchema = z.object({ ...paginationQuery });

export const webhookDeliveriesQuerySchema = z.object({ ...paginationQuery, status: webhookDeliveryStatusSchema.optional() });

/** Ids are checked by the webhooks service: one that names nothing of the caller's is 404, never 400. */
export const webhookParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const deliveryParamsSchema = webhookParamsSchema.extend({ deliveryId: z.string().min(1).max(64) });

export type WebhookCreateBody = z.output<typeof webhookCreateBodySchema>;
export type WebhookPatchBody = z.output<typeof webhookPatchBodySchema>;
export type WebhookTestBody = z.output<typeof webhookTestBodySchema>;
export type WebhookListQuery = z.output<typeof webhookListQuerySchema>;
export type WebhookDeliveriesQuery = z.output<typeof webhookDeliveriesQuerySchema>;
