import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEndpointSchema } from '../shared/webhook.schema';

/** `webhooks.v1.rpc.endpoint.rotate-secret`: a new secret signs every attempt from now on. */
export const webhookRotateSecretRequestSchema = z.object({ orgId: entityIdSchema, webhookId: entityIdSchema });

export const webhookRotateSecretReplySchema = webhookEndpointSchema.required({ secret: true });

export type WebhookRotateSecretRequest = z.infer<typeof webhookRotateSecretRequestSchema>;
export type WebhookRotateSecretReply = z.infer<typeof webhookRotateSecretReplySchema>;
