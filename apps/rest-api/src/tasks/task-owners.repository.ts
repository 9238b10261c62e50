import { Inject, Injectable } from '@nestjs/common';
import type { AgentsClient } from '@parley/db-agents';
import type { IdentityClient } from '@parley/db-identity';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';
import type { TaskAgentView } from './task-view.schema';

/** What tasks need from rest-api's own slices: the task's agent, and the organization's call limit. */
@Injectable()
export class TaskOwnersRepository {
  constructor(
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
  ) {}

  /** The organization's agent, or null when it has none by this id. */
  async findAgent(orgId: string, agentId: string): Promise<TaskAgentView> {
    const agent = await this.agents.agent.findFirst({
      where: { id: agentId, orgId },
      select: { id: true, name: true, description: true, enabled: true },
    });
    return agent ?? null;
  }

  /** The organization's concurrent-call limit, which the dialer's scheduler keeps to. */
  async concurrentCallLimit(orgId: string): Promise<number | undefined> {
    const org = await this.identity.organization.findUnique({ where: { id: orgId }, select: { concurrentCallLimit: true } });
    return org ? Math.max(1, org.concurrentCallLimit) : undefined;
  }
}
