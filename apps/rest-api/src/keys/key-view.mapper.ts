import type { ApiKey } from '@parley/db-identity';
import type { KeyView } from './key.schemas';

/** The only way a key row leaves the API: the hash is not among the fields. */
export function toKeyView(row: ApiKey): KeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last_four: row.lastFour,
    agent_id: row.agentId,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
