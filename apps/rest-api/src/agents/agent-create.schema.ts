import type { z } from 'zod';
import { agentFieldsSchema } from './agent-fields.schema';

/** `POST /agents`: `name` and `system_prompt` are required (reference 002); the rest take defaults. */
export const agentCreateSchema = agentFieldsSchema
  .partial()
  .required({ name: true, system_prompt: true })
  .strict();

export type AgentCreate = z.infer<typeof agentCreateSchema>;
