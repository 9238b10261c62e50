import { z } from 'zod';

/** `GET /agents` query (reference 002): `enabled=true|false`, `limit` 1-100 (50), `offset` (0). */
export const agentListQuerySchema = z.object({
  enabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type AgentListQuery = z.infer<typeof agentListQuerySchema>;
