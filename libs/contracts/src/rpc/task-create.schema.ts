import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';
import { taskFieldsSchema, taskSchema } from '../shared/task.schema';

/**
 * `dialer.v1.rpc.task.create`: rest-api → dialer, after it checked that the agent belongs to the
 * organization. `maxConcurrentCalls` is the organization's current limit, which the scheduler
 * keeps to (the dialer remembers the latest one it was told).
 */
export const taskCreateRequestSchema = z.object({
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  fields: taskFieldsSchema,
  maxConcurrentCalls: z.int().positive().optional(),
  /** The API key creating the task: the task's calls are attributed to it (`dial.admit`'s keyId). */
  keyId: entityIdSchema.optional(),
});

export const taskCreateReplySchema = taskSchema;

export type TaskCreateRequest = z.infer<typeof taskCreateRequestSchema>;
export type TaskCreateReply = z.infer<typeof taskCreateReplySchema>;
