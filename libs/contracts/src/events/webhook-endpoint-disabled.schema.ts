import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/**
 * `webhooks.v1.evt.endpoint.disabled`: an endpoint failed too many deliveries in a row and no
 * longer receives events until it is re-enabled (PATCH `active: true`).
 */
export const webhookEndpointDisabledEventSchema = z.object({
  endpointId: entityIdSchema,
  orgId: entityIdSchema,
  url: z.string().min(1),
  consecutiveFailures: z.int().positive(),
  disabledAt: isoDateTimeSchema,
});

export type WebhookEndpointDisabledEvent = z.infer<typeof webhookEndpointDisabledEventSchema>;
