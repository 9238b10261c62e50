import { taskStatusSchema, taskWebhookEventSchema } from '@parley/contracts';
import { z } from 'zod';

/** A task as the public API shows it (reference 002 field names). */
export const taskViewSchema = z.object({
  id: z.uuid(),
  agent_id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  to_number: z.string(),
  starting_message: z.string().nullable(),
  context_data: z.record(z.string(), z.unknown()).nullable(),
  priority: z.int(),
  scheduled_at: z.string().nullable(),
  status: taskStatusSchema,
  webhook_url: z.string().nullable(),
  webhook_events: z.array(taskWebhookEventSchema),
  extract_fields: z.array(z.string()),
  /** The latest call placed for the task. */
  call_id: z.string().nullable(),
  attempts: z.int(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
});

/** `GET /tasks/:id`: the task with its agent (null when the agent was deleted since). */
export const taskDetailViewSchema = taskViewSchema.extend({
  agent: z
    .object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), enabled: z.boolean() })
    .nullable(),
});

export const taskExecuteViewSchema = z.object({ task_id: z.uuid(), call_id: z.string(), message: z.string() });
export const taskDeleteViewSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

export type TaskView = z.infer<typeof taskViewSchema>;
export type TaskDetailView = z.infer<typeof taskDetailViewSchema>;
export type TaskAgentView = TaskDetailView['agent'];
