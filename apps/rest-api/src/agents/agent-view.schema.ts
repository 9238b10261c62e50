import { z } from 'zod';
import { agentFieldsSchema } from './agent-fields.schema';

/** An agent as the API returns it: every settable field, plus id and timestamps. */
export const agentViewSchema = agentFieldsSchema.extend({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

/** One tool the agent's LLM is offered: 004 §7's name, description and parameters, plus how it runs. */
export const listedToolSchema = z.object({
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  /** `builtin`: the platform runs it; `http`: the LLM worker POSTs to `url`. */
  type: z.enum(['builtin', 'http']),
  url: z.url().optional(),
  timeout_ms: z.int().optional(),
});

/** `GET /agents/:id/tools` (reference 004 §7). */
export const agentToolsViewSchema = z.object({ tools: z.array(listedToolSchema) });

/** `DELETE /agents/:id`, as `DELETE /tasks/:id` answers. */
export const agentDeleteViewSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

export type AgentDeleteView = z.infer<typeof agentDeleteViewSchema>;
export type AgentView = z.infer<typeof agentViewSchema>;
export type AgentToolsView = z.infer<typeof agentToolsViewSchema>;
