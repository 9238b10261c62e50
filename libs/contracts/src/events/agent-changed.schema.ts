import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/**
 * `agents.v1.evt.agent.changed`: an agent's configuration was updated, or the agent was
 * deleted. Whoever caches an agent's configuration (the gateway's key cache) drops it.
 */
export const agentChangedEventSchema = z.object({
  agentId: entityIdSchema,
  orgId: entityIdSchema,
  change: z.enum(['updated', 'deleted']),
  changedAt: isoDateTimeSchema,
});

export type AgentChangedEvent = z.infer<typeof agentChangedEventSchema>;
