import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookDeliverySchema } from '../shared/webhook.schema';

/**
 * `webhooks.v1.rpc.delivery.redeliver`: send one delivery again now, with a fresh retry
 * schedule and the same idempotency id.
 */
export const webhookRedeliverRequestSchema = z.object({
  orgId: entityIdSchema,
  webhookId: entityIdSchema,
  deliveryId: entityIdSchema,
});

export const webhookRedeliverReplySchema = webhookDeliverySchema;

export type WebhookRedeliverRequest = z.infer<typeof webhookRedeliverRequestSchema>;
export type WebhookRedeliverReply = z.infer<typeof webhookRedeliverReplySchema>;
