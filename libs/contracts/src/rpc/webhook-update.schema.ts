import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEndpointSchema, webhookEndpointUrlSchema, webhookEventTypeSchema } from '../shared/webhook.schema';

/**
 * `webhooks.v1.rpc.endpoint.update`: change the fields given. `active: true` re-enables an
 * endpoint that repeated failures disabled, and clears its failure count.
 */
export const webhookUpdateRequestSchema = z.object({
  orgId: entityIdSchema,
  webhookId: entityIdSchema,
  url: webhookEndpointUrlSchema.optional(),
  events: z.array(webhookEventTypeSchema).max(20).optional(),
  description: z.string().max(500).nullable().optional(),
  active: z.boolean().optional(),
});

export const webhookUpdateReplySchema = webhookEndpointSchema;

export type WebhookUpdateRequest = z.infer<typeof webhookUpdateRequestSchema>;
export type WebhookUpdateReply = z.infer<typeof webhookUpdateReplySchema>;
