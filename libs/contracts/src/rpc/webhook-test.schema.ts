import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { webhookEventTypeSchema } from '../shared/webhook.schema';

/**
 * `webhooks.v1.rpc.test.fire`: one event to every active endpoint of the organization that
 * subscribes to `eventType` (reference 004 `POST /webhooks/test`).
 */
export const webhookTestRequestSchema = z.object({
  orgId: entityIdSchema,
  eventType: webhookEventTypeSchema,
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const webhookTestReplySchema = z.object({
  eventId: z.string(),
  eventType: webhookEventTypeSchema,
  /** Endpoints the event was queued for. */
  endpoints: z.int().nonnegative(),
});

export type WebhookTestRequest = z.infer<typeof webhookTestRequestSchema>;
export type WebhookTestReply = z.infer<typeof webhookTestReplySchema>;
