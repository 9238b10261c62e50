import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookDeliverySchema, webhookDeliveryStatusSchema } from '../shared/webhook.schema';

/** `webhooks.v1.rpc.delivery.list`: an endpoint's deliveries, newest first. */
export const webhookDeliveriesListRequestSchema = z.object({
  orgId: entityIdSchema,
  webhookId: entityIdSchema,
  status: webhookDeliveryStatusSchema.optional(),
  limit: z.int().min(1).max(100),
  offset: z.int().nonnegative(),
});

export const webhookDeliveriesListReplySchema = z.object({
  deliveries: z.array(webhookDeliverySchema),
  total: z.int().nonnegative(),
});

export type WebhookDeliveriesListRequest = z.infer<typeof webhookDeliveriesListRequestSchema>;
export type WebhookDeliveriesListReply = z.infer<typeof webhookDeliveriesListReplySchema>;
