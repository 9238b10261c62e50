import { z } from 'zod';
import { agentConfigSchema } from '../shared/agent-config.schema';
import { entityIdSchema } from '../shared/ids.schema';
import { planSchema } from './key-resolve.schema';

/**
 * `identity.v1.rpc.agent.resolve`: an agent's call configuration by id (the dialer, for calls it
 * places). An agent of another organization, or none, answers with the NOT_FOUND error envelope.
 */
export const agentResolveRequestSchema = z.object({
  orgId: entityIdSchema,
  agentId: entityIdSchema,
});

export const agentResolveReplySchema = z.object({
  agent: agentConfigSchema,
  plan: planSchema,
  limits: z.object({ maxConcurrentCalls: z.int().positive() }),
});

export type AgentResolveRequest = z.infer<typeof agentResolveRequestSchema>;
export type AgentResolveReply = z.infer<typeof agentResolveReplySchema>;
