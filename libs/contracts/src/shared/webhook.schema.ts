import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from './ids.schema';

/**
 * Event types an endpoint may subscribe to: the part of reference 004's catalogue that maps
 * onto calls (a session is a call), plus `call.settled` (the call's cost is known) and `test`.
 * `knowledge.*` come from the KNOWLEDGE stream; `sip.*` are accepted now and delivered once that
 * feature publishes them.
 */
export const webhookEventTypeSchema = z.enum([
  'session.started',
  'session.ended',
  'recording.started',
  'recording.stopped',
  'call.settled',
  'sip.call_initiated',
  'sip.inbound_call',
  'knowledge.document_uploaded',
  'knowledge.reindexed',
  'test',
]);

/** An endpoint's URL; whether its host may be reached is decided by the webhooks service. */
export const webhookEndpointUrlSchema = z.url({ protocol: /^https?$/ }).max(2_000);

/** A customer endpoint as the webhooks service reports it; the secret only where it is shown. */
export const webhookEndpointSchema = z.object({
  id: entityIdSchema,
  url: z.string(),
  /** Empty means every event type. */
  events: z.array(webhookEventTypeSchema),
  description: z.string().nullable(),
  active: z.boolean(),
  /** Deliveries in a row that failed for good. */
  failureCount: z.int().nonnegative(),
  disabledAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Present only when created or rotated: shown once. */
  secret: z.string().optional(),
});

export const webhookDeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);

/** One event to one endpoint and how its attempts went. */
export const webhookDeliverySchema = z.object({
  id: entityIdSchema,
  endpointId: entityIdSchema.nullable(),
  taskId: z.string().nullable(),
  eventId: z.string(),
  eventType: z.string(),
  status: webhookDeliveryStatusSchema,
  attempts: z.int().nonnegative(),
  responseCode: z.int().nullable(),
  latencyMs: z.int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTimeSchema.nullable(),
  deliveredAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});

export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
