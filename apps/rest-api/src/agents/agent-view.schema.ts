import { z } from 'zod';
import { agentFieldsSchema, agentToolSchema } from './agent-fields.schema';

/** An agent as the API returns it: every settable field, plus id and timestamps. */
export const agentViewSchema = agentFieldsSchema.extend({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

/** `GET /agents/:id/tools` (reference 004 §7). */
export const agentToolsViewSchema = z.object({ tools: z.array(agentToolSchema) });

/** `DELETE /agents/:id`, as `DELETE /tasks/:id` answers. */
export const agentDeleteViewSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

export type AgentDeleteView = z.infer<typeof agentDeleteViewSchema>;
export type AgentView = z.infer<typeof agentViewSchema>;
export type AgentToolsView = z.infer<typeof agentToolsViewSchema>;
