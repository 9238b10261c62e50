import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiKeyAuth } from '../auth/api-key-auth';
import { type HotHandler, HotRoutes, hotListRoute } from '../http/hot-routes';
import type { JsonPage } from '../http/json-page';
import { PageCache } from '../http/page-cache';
import { type AgentListQuery, agentListQuerySchema } from './agent-list-query.schema';
import type { AgentView } from './agent-view.schema';
import { AgentsRepository } from './agents.repository';

/**
 * `GET /agents`, the hot read: the page comes from one SQL statement already serialized, each
 * agent as `toAgentView` writes it (list-pages.spec "lists each agent exactly as GET /agents/:id
 * shows it"), kept until the organization's agents change (`PageCache`). `GET /api/v1/agents`
 * is answered as a hot route (`HotRoutes`); the dashboard's `/api/agents` through its controller.
 */
@Injectable()
export class AgentPages implements OnModuleInit {
  /** What `AgentsController.list` answers, with its guard, query schema and envelope. */
  private readonly serve: HotHandler;

  constructor(
    @Inject(AgentsRepository) private readonly repository: AgentsRepository,
    @Inject(PageCache) private readonly pages: PageCache,
    @Inject(HotRoutes) private readonly hotRoutes: HotRoutes,
    @Inject(ApiKeyAuth) auth: ApiKeyAuth,
  ) {
    this.serve = hotListRoute(auth, agentListQuerySchema, (orgId, query) => this.page(orgId, query));
  }

  onModuleInit(): void {
    this.hotRoutes.register('/api/v1/agents', (req, res) => this.serve(req, res));
  }

  page(orgId: string, query: AgentListQuery): Promise<JsonPage<AgentView>> {
    return this.pages.page('agents', orgId, JSON.stringify(query), () => this.repository.listJson(orgId, query));
  }
}
