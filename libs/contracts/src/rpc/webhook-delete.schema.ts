import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

/** `webhooks.v1.rpc.endpoint.delete`: the endpoint stops receiving; its delivery log stays. */
export const webhookDeleteRequestSchema = z.object({ orgId: entityIdSchema, webhookId: entityIdSchema });

export const webhookDeleteReplySchema = z.object({ id: entityIdSchema, deleted: z.literal(true) });

export type WebhookDeleteRequest = z.infer<typeof webhookDeleteRequestSchema>;
export type WebhookDeleteReply = z.infer<typeof webhookDeleteReplySchema>;
