import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskWebhookEventSchema } from '../shared/task.schema';

/**
 * The body a task's `webhook_url` receives, exactly as reference 002 documents it
 * (snake_case, since it is the customer's wire format, not ours).
 */
export const taskWebhookPayloadSchema = z.object({
  event_type: taskWebhookEventSchema,
  task_id: z.string().min(1),
  /** Null when the call failed before it was placed. */
  call_id: z.string().min(1).nullable(),
  /** The task's status when the event happened, e.g. `in_progress`, `completed`, `failed`. */
  status: z.string().min(1),
  data: z
    .object({
      transcript_excerpt: z.string().optional(),
      report_excerpt: z.string().optional(),
    })
    .catchall(z.unknown()),
});

/**
 * `dialer.v1.evt.task.webhook-requested`: the dialer asks for one task webhook to be delivered
 * (only for events the task subscribed to). The webhooks service signs, delivers and retries it;
 * `eventId` is the idempotency id the receiver sees on every attempt.
 */
export const taskWebhookRequestedEventSchema = z.object({
  eventId: z.uuid(),
  orgId: entityIdSchema,
  taskId: entityIdSchema,
  url: z.url({ protocol: /^https?$/ }),
  event: taskWebhookEventSchema,
  payload: taskWebhookPayloadSchema,
});

export type TaskWebhookPayload = z.infer<typeof taskWebhookPayloadSchema>;
export type TaskWebhookRequestedEvent = z.infer<typeof taskWebhookRequestedEventSchema>;
