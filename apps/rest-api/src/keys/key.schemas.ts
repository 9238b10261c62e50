import { z } from 'zod';
import { paginationQuery } from '../http/paginated';

export const keyCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Binds the key to one agent: what the voice WebSocket needs. */
  agent_id: z.uuid().nullable().optional(),
});
export type KeyCreate = z.infer<typeof keyCreateSchema>;

export const keyIdParamsSchema = z.object({ id: z.uuid() });

export const keyListQuerySchema = z.object({
  ...paginationQuery,
  status: z.enum(['active', 'revoked']).optional(),
});
export type KeyListQuery = z.output<typeof keyListQuerySchema>;

/** A key as lists show it: never the key, never its hash. */
export const keyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** `sk_live_` and four characters. */
  prefix: z.string(),
  last_four: z.string(),
  agent_id: z.uuid().nullable(),
  status: z.enum(['active', 'revoked']),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
export type KeyView = z.infer<typeof keyViewSchema>;

/** Create and regenerate: the raw key, shown this once. */
export const createdKeyViewSchema = keyViewSchema.extend({ key: z.string() });
