import { z } from 'zod';
import { agentConfigSchema } from '../shared/agent-config.schema';
import { entityIdSchema, keyHashSchema } from '../shared/ids.schema';

export const planSchema = z.enum(['free', 'pro', 'enterprise']);

/**
 * `identity.v1.rpc.key.resolve`: gateway → rest-api on a key-cache miss. Unknown keys
 * answer with the KEY_NOT_FOUND error envelope; a revoked key still resolves (status
 * `revoked`) so the gateway can cache the refusal.
 */
export const keyResolveRequestSchema = z.object({
  keyHash: keyHashSchema,
});

export const keyResolveReplySchema = z.object({
  keyId: entityIdSchema,
  orgId: entityIdSchema,
  status: z.enum(['active', 'revoked']),
  plan: planSchema,
  limits: z.object({
    maxConcurrentCalls: z.int().positive(),
    requestsPerMinute: z.int().positive(),
  }),
  /** Null when the key is not bound to an agent, or the agent was deleted. */
  agent: agentConfigSchema.nullable(),
});

export type Plan = z.infer<typeof planSchema>;
export type KeyResolveRequest = z.infer<typeof keyResolveRequestSchema>;
export type KeyResolveReply = z.infer<typeof keyResolveReplySchema>;
