import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEndpointSchema } from '../shared/webhook.schema';

/**
 * `webhooks.v1.rpc.endpoint.get`: one endpoint, without its secret. Another organization's
 * endpoint answers NOT_FOUND, exactly like a missing one (so does `delete` and `rotate-secret`).
 */
export const webhookGetRequestSchema = z.object({ orgId: entityIdSchema, webhookId: entityIdSchema });

export const webhookGetReplySchema = webhookEndpointSchema;

export type WebhookGetRequest = z.infer<typeof webhookGetRequestSchema>;
export type WebhookGetReply = z.infer<typeof webhookGetReplySchema>;
