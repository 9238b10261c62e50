import { z } from 'zod';
import { paginationQuery, queryBoolean } from '../http/paginated';

/** `GET /agents` query (reference 002): `enabled=true|false`, `limit` 1-100 (50), `offset` (0). */
export const agentListQuerySchema = z.object({ enabled: queryBoolean.optional(), ...paginationQuery });

/** `:id` of an agent route; an id that is not a uuid is answered NOT_FOUND by the service. */
export const agentParamsSchema = z.object({ id: z.string() });

export type AgentListQuery = z.infer<typeof agentListQuerySchema>;
