import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from './ids.schema';

export const taskStatusSchema = z.enum(['pending', 'in_progress', 'completed', 'failed']);

/** The call events a task may subscribe its webhook to (reference 002 "Webhooks"). */
export const taskWebhookEventSchema = z.enum(['call_started', 'call_completed', 'call_failed']);

/** `+[country code][number]`: 8 to 15 digits, no leading zero (E.164). */
export const e164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 number, e.g. +14155550100');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS (reference 002); plain http only to this machine, for local development. */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2_000)
  .refine((url) => url.startsWith('https:') || LOOPBACK_HOSTS.has(new URL(url).hostname), {
    message: 'must be an https URL',
  });

/**
 * Facts about the callee, e.g. `{ customer_name, order_id }`, stored with the task, returned
 * by the API and handed to the telephony provider that places the call. When the call reaches
 * the gateway they fill `{{placeholders}}` in the greeting and system prompt, and the system prompt
 * lists them as a `Call context:` block (docs/dialer.md); `simulator.script` scripts the simulated callee.
 */
export const taskContextDataSchema = z.record(z.string().max(64), z.unknown());

/** The fields a client sets on a task (reference 002 `POST /tasks`), in the bus's camelCase. */
export const taskFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2_000).nullable().optional(),
  toNumber: e164Schema,
  startingMessage: z.string().max(2_000).nullable().optional(),
  contextData: taskContextDataSchema.nullable().optional(),
  priority: z.int().min(-1_000).max(1_000).optional(),
  /** Null means not scheduled: the task runs when executed. */
  scheduledAt: isoDateTimeSchema.nullable().optional(),
  webhookUrl: webhookUrlSchema.nullable().optional(),
  webhookEvents: z.array(taskWebhookEventSchema).max(3).optional(),
  /** Facts the call report should extract, e.g. `callback_time`, `email`. */
  extractFields: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
});

/** A task as the dialer stores it. */
export const taskSchema = z.object({
  id: entityIdSchema,
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  name: z.string(),
  description: z.string().nullable(),
  toNumber: e164Schema,
  startingMessage: z.string().nullable(),
  contextData: taskContextDataSchema.nullable(),
  priority: z.int(),
  scheduledAt: isoDateTimeSchema.nullable(),
  status: taskStatusSchema,
  webhookUrl: z.string().nullable(),
  webhookEvents: z.array(taskWebhookEventSchema),
  extractFields: z.array(z.string()),
  /** The latest call placed for the task. */
  callId: entityIdSchema.nullable(),
  attempts: z.int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  startedAt: isoDateTimeSchema.nullable(),
  completedAt: isoDateTimeSchema.nullable(),
});

export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type TaskWebhookEvent = z.infer<typeof taskWebhookEventSchema>;
export type TaskFields = z.infer<typeof taskFieldsSchema>;
export type Task = z.infer<typeof taskSchema>;
