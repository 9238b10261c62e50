import { Inject, Injectable } from '@nestjs/common';
import type { AgentsClient } from '@parley/db-agents';
import type { ApiKey, IdentityClient } from '@parley/db-identity';
import type { NewApiKey } from '../auth/api-key-secret';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';
import type { KeyListQuery } from './key.schemas';

export interface KeyDraft {
  readonly name: string;
  readonly agentId: string | null;
  readonly secret: NewApiKey;
}

/** Key rows of one organization: every query is scoped by `orgId`. */
@Injectable()
export class KeysRepository {
  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
  ) {}

  async list(orgId: string, query: KeyListQuery): Promise<{ rows: ApiKey[]; total: number }> {
    const where = { orgId, ...(query.status ? { status: query.status } : {}) };
    const [rows, total] = await Promise.all([
      this.identity.apiKey.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.identity.apiKey.count({ where }),
    ]);
    return { rows, total };
  }

  find(orgId: string, id: string): Promise<ApiKey | null> {
    return this.identity.apiKey.findFirst({ where: { id, orgId } });
  }

  async agentBelongsTo(orgId: string, agentId: string): Promise<boolean> {
    return (await this.agents.agent.count({ where: { id: agentId, orgId } })) > 0;
  }

  create(orgId: string, draft: KeyDraft): Promise<ApiKey> {
    return this.identity.apiKey.create({ data: rowOf(orgId, draft) });
  }

  /** Null when the key was already revoked (by a concurrent request too). */
  async revoke(orgId: string, id: string, at: Date): Promise<ApiKey | null> {
    const { count } = await this.identity.apiKey.updateMany({
      where: { id, orgId, status: 'active' },
      data: { status: 'revoked', revokedAt: at },
    });
    return count === 1 ? this.find(orgId, id) : null;
  }

  /** Revokes `id` and creates its replacement in one transaction; null when it was not active. */
  async replace(orgId: string, id: string, draft: KeyDraft, at: Date): Promise<{ old: ApiKey; fresh: ApiKey } | null> {
    return this.identity.$transaction(async (tx) => {
      const { count } = await tx.apiKey.updateMany({
        where: { id, orgId, status: 'active' },
        data: { status: 'revoked', revokedAt: at },
      });
      if (count !== 1) return null;
      const old = await tx.apiKey.findUniqueOrThrow({ where: { id } });
      const fresh = await tx.apiKey.create({ data: rowOf(orgId, draft) });
      return { old, fresh };
    });
  }
}

function rowOf(orgId: string, draft: KeyDraft) {
  return {
    orgId,
    name: draft.name,
    agentId: draft.agentId,
    prefix: draft.secret.prefix,
    lastFour: draft.secret.lastFour,
    hash: draft.secret.hash,
  };
}
