import type { z } from 'zod';
import { agentFieldsSchema } from './agent-fields.schema';

/** `PATCH /agents/:id`: only the fields to change, at least one. */
export const agentPatchSchema = agentFieldsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'include at least one field to update' });

export type AgentPatch = z.infer<typeof agentPatchSchema>;
