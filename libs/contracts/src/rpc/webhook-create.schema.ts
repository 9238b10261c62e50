import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEndpointSchema, webhookEndpointUrlSchema, webhookEventTypeSchema } from '../shared/webhook.schema';

/** `webhooks.v1.rpc.endpoint.create`: a new endpoint; the reply carries its secret, shown once. */
export const webhookCreateRequestSchema = z.object({
  orgId: entityIdSchema,
  url: webhookEndpointUrlSchema,
  /** Empty or absent: every event type. */
  events: z.array(webhookEventTypeSchema).max(20).optional(),
  description: z.string().max(500).nullable().optional(),
});

export const webhookCreateReplySchema = webhookEndpointSchema.required({ secret: true });

export type WebhookCreateRequest = z.infer<typeof webhookCreateRequestSchema>;
export type WebhookCreateReply = z.infer<typeof webhookCreateReplySchema>;
