import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEndpointSchema } from '../shared/webhook.schema';

/** `webhooks.v1.rpc.endpoint.list`: an organization's endpoints, newest first. */
export const webhookListRequestSchema = z.object({
  orgId: entityIdSchema,
  limit: z.int().min(1).max(100),
  offset: z.int().nonnegative(),
});

export const webhookListReplySchema = z.object({
  webhooks: z.array(webhookEndpointSchema),
  total: z.int().nonnegative(),
});

export type WebhookListRequest = z.infer<typeof webhookListRequestSchema>;
export type WebhookListReply = z.infer<typeof webhookListReplySchema>;
