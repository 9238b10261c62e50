import { webhookDeliveryStatusSchema, webhookEventTypeSchema } from '@parley/contracts';
import { z } from 'zod';

export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  description: z.string().nullable(),
  active: z.boolean(),
  failure_count: z.int(),
  disabled_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Only in the answers to create and rotate-secret. */
  secret: z.string().optional(),
});

export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  status: webhookDeliveryStatusSchema,
  attempts: z.int(),
  response_code: z.int().nullable(),
  latency_ms: z.int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  created_at: z.string(),
});

export const webhookDeleteViewSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const webhookTestViewSchema = z.object({
  event_id: z.string(),
  event_type: webhookEventTypeSchema,
  endpoints: z.int(),
});

export type WebhookView = z.infer<typeof webhookViewSchema>;
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;
