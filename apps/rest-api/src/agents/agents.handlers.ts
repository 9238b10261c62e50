import { Delete, Get, Inject, Patch, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { QuotaService } from '../billing/quota.service';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import { type Paginated, paginatedJson } from '../http/paginated';
import { type AgentCreate, agentCreateSchema } from './agent-create.schema';
import { AgentPages } from './agent-pages.service';
import { type AgentListQuery, agentListQuerySchema, agentParamsSchema } from './agent-list-query.schema';
import { type AgentPatch, agentPatchSchema } from './agent-patch.schema';
import {
  type AgentDeleteView,
  agentDeleteViewSchema,
  type AgentToolsView,
  agentToolsViewSchema,
  type AgentView,
  agentViewSchema,
} from './agent-view.schema';
import { AgentsService } from './agents.service';

type AgentParams = { id: string };

/**
 * The agent routes, shared by the public API and the dashboard: each subclass names its path and
 * its guard (API key or session), and both call the same service with the caller's organization.
 */
export abstract class AgentsHandlers {
  constructor(
    @Inject(AgentsService) private readonly agents: AgentsService,
    @Inject(QuotaService) private readonly quotas: QuotaService,
    @Inject(AgentPages) private readonly pages: AgentPages,
  ) {}

  /** `GET /api/v1/agents` itself is answered by the hot-route lane (`AgentPages`), which must answer as this does. */
  @Get()
  @Endpoint({ summary: 'List agents', query: agentListQuerySchema, response: agentViewSchema, list: true })
  async list(@CurrentPrincipal() p: Principal, @ValidQuery() query: AgentListQuery): Promise<Paginated<AgentView>> {
    const { items, count, total } = await this.pages.page(p.orgId, query);
    return paginatedJson(items, count, total, query);
  }

  @Post()
  @Endpoint({ summary: 'Create an agent', body: agentCreateSchema, response: agentViewSchema, status: 201 })
  async create(@CurrentPrincipal() p: Principal, @ValidBody() body: AgentCreate): Promise<AgentView> {
    await this.quotas.assertWithinQuota(p.orgId, p.plan, 'agents');
    return this.agents.create(p.orgId, body);
  }

  @Get(':id')
  @Endpoint({ summary: 'Get an agent', params: agentParamsSchema, response: agentViewSchema })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: AgentParams): Promise<AgentView> {
    return this.agents.get(p.orgId, params.id);
  }

  @Get(':id/tools')
  @Endpoint({ summary: "List an agent's tools", params: agentParamsSchema, response: agentToolsViewSchema })
  tools(@CurrentPrincipal() p: Principal, @ValidParams() params: AgentParams): Promise<AgentToolsView> {
    return this.agents.tools(p.orgId, params.id);
  }

  @Patch(':id')
  @Endpoint({ summary: 'Update an agent', params: agentParamsSchema, body: agentPatchSchema, response: agentViewSchema })
  update(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: AgentParams,
    @ValidBody() body: AgentPatch,
  ): Promise<AgentView> {
    return this.agents.update(p.orgId, params.id, body);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete an agent without active tasks', params: agentParamsSchema, response: agentDeleteViewSchema })
  async remove(@CurrentPrincipal() p: Principal, @ValidParams() params: AgentParams): Promise<AgentDeleteView> {
    await this.agents.remove(p.orgId, params.id);
    return { id: params.id, deleted: true };
  }
}
