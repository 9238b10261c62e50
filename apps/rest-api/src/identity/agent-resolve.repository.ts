import { Inject, Injectable } from '@nestjs/common';
import type { Agent, AgentsClient } from '@parley/db-agents';
import type { IdentityClient, Organization } from '@parley/db-identity';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';

/** The reads behind `identity.v1.rpc.agent.resolve`: the organization and its agent. */
@Injectable()
export class AgentResolveRepository {
  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
  ) {}

  findOrganization(orgId: string): Promise<Organization | null> {
    return this.identity.organization.findUnique({ where: { id: orgId } });
  }

  /** The organization's agent by id; null for another organization's. */
  findAgent(orgId: string, agentId: string): Promise<Agent | null> {
    return this.agents.agent.findFirst({ where: { id: agentId, orgId } });
  }
}
