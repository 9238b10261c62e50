import { e164Schema, isoDateTimeSchema, taskContextDataSchema, taskWebhookEventSchema, webhookUrlSchema } from '@parley/contracts';
import { z } from 'zod';

/** The fields a client may set on a task (reference 002), shared by create and patch. */
export const taskFieldsBody = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2_000).nullable().optional(),
  to_number: e164Schema,
  starting_message: z.string().max(2_000).nullable().optional(),
  context_data: taskContextDataSchema.nullable().optional(),
  priority: z.int().min(-1_000).max(1_000).optional(),
  scheduled_at: isoDateTimeSchema.nullable().optional(),
  webhook_url: webhookUrlSchema.nullable().optional(),
  webhook_events: z.array(taskWebhookEventSchema).max(3).optional(),
  /** Not in reference 002: facts the call report should extract, e.g. `callback_time`, `email`. */
  extract_fields: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
};

/** `POST /api/v1/tasks`. */
export const taskCreateBodySchema = z.strictObject({ agent_id: z.uuid(), ...taskFieldsBody });

/** `PATCH /api/v1/tasks/:id`: any of the updatable fields, at least one. */
export const taskPatchBodySchema = z
  .strictObject({
    ...taskFieldsBody,
    name: taskFieldsBody.name.optional(),
    to_number: taskFieldsBody.to_number.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to update' });

export type TaskCreateBody = z.infer<typeof taskCreateBodySchema>;
export type TaskPatchBody = z.infer<typeof taskPatchBodySchema>;
