import { Inject, Injectable } from '@nestjs/common';
import type { AgentsClient } from '@parley/db-agents';
import type { IdentityClient } from '@parley/db-identity';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';

/** What SIP needs from rest-api's own slices: the organization's agents and its call limit. */
@Injectable()
export class SipAgentsRepository {
  constructor(
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
  ) {}

  async belongsTo(orgId: string, agentId: string): Promise<boolean> {
    return (await this.agents.agent.count({ where: { id: agentId, orgId } })) === 1;
  }

  /** `/sip/dial`'s default agent (reference 004: "first active"): the oldest enabled one. */
  async firstActive(orgId: string): Promise<string | null> {
    const agent = await this.agents.agent.findFirst({
      where: { orgId, enabled: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    return agent?.id ?? null;
  }

  /** Agent names by id, for `agent_name`; a deleted agent is absent. */
  async names(orgId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.agents.agent.findMany({ where: { orgId, id: { in: [...new Set(agentIds)] } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async concurrentCallLimit(orgId: string): Promise<number | undefined> {
    const org = await this.identity.organization.findUnique({ where: { id: orgId }, select: { concurrentCallLimit: true } });
    return org ? Math.max(1, org.concurrentCallLimit) : undefined;
  }
}
