import { Inject, Injectable } from '@nestjs/common';
import type { Agent, AgentsClient } from '@parley/db-agents';
import type { ApiKey, IdentityClient, Organization } from '@parley/db-identity';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';

export type KeyWithOrg = ApiKey & { readonly org: Organization };

/** The reads behind `identity.v1.rpc.key.resolve`: one indexed lookup per slice. */
@Injectable()
export class KeyResolveRepository {
  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
  ) {}

  findKeyByHash(hash: string): Promise<KeyWithOrg | null> {
    return this.identity.apiKey.findUnique({ where: { hash }, include: { org: true } });
  }

  findAgent(agentId: string): Promise<Agent | null> {
    return this.agents.agent.findUnique({ where: { id: agentId } });
  }
}
