import { Inject, Injectable } from '@nestjs/common';
import type { JsonPage } from '../http/json-page';
import type { AgentListQuery } from './agent-list-query.schema';
import type { AgentView } from './agent-view.schema';
import { AgentsRepository } from './agents.repository';

/**
 * `GET /agents`, the hot read: the page comes from Postgres already serialized, each agent as
 * `toAgentView` writes it (agents.spec "the list shows each agent as GET /agents/:id does").
 */
@Injectable()
export class AgentPages {
  constructor(@Inject(AgentsRepository) private readonly repository: AgentsRepository) {}

  page(orgId: string, query: AgentListQuery): Promise<JsonPage<AgentView>> {
    return this.repository.listJson(orgId, query);
  }
}
