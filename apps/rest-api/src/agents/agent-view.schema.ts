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

export type AgentView = z.infer<typeof agentViewSchema>;
export type AgentToolsView = z.infer<typeof agentToolsViewSchema>;
