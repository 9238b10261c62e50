import { Inject, Injectable } from '@nestjs/common';
import type { Agent } from '@parley/db-agents';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { REST_API_CONFIG, type RestApiConfig } from '../config';
import { ApiError } from '../http/api-error';
import { ListVersions } from '../http/page-cache';
import { InvalidationEvents } from '../identity/invalidation-events.publisher';
import { KnowledgeBaseAccess } from '../knowledge/knowledge-base-access';
import { ActiveTasksClient } from './active-tasks.client';
import type { AgentCreate } from './agent-create.schema';
import { toAgentData } from './agent-data.mapper';
import type { AgentPatch } from './agent-patch.schema';
import type { AgentToolsView, AgentView } from './agent-view.schema';
import { assertToolUrls, listTools } from './agent-tools';
import { toAgentView } from './agent-view.mapper';
import { AgentsRepository } from './agents.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The agents of one organization, for the public API and the dashboard alike. Another
 * organization's agent, or an id that cannot be an agent's, is NOT_FOUND: existence never leaks.
 */
@Injectable()
export class AgentsService {
  constructor(
    @Inject(AgentsRepository) private readonly repository: AgentsRepository,
    @Inject(ActiveTasksClient) private readonly activeTasks: ActiveTasksClient,
    @Inject(InvalidationEvents) private readonly events: InvalidationEvents,
    @Inject(REST_API_CONFIG) private readonly config: RestApiConfig,
    @Inject(KnowledgeBaseAccess) private readonly knowledgeBases: KnowledgeBaseAccess,
    @Inject(ListVersions) private readonly versions: ListVersions,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async get(orgId: string, id: string): Promise<AgentView> {
    return toAgentView(await this.find(orgId, id));
  }

  async tools(orgId: string, id: string): Promise<AgentToolsView> {
    return listTools(await this.find(orgId, id));
  }

  async create(orgId: string, input: AgentCreate): Promise<AgentView> {
    assertToolUrls(input.tools, this.config.LLM_TOOLS_ALLOWED_HOSTS);
    await this.knowledgeBases.assertOwned(orgId, input.knowledge_base_id);
    const agent = await this.repository.create(orgId, toAgentData(input));
    await this.listChanged(orgId);
    return toAgentView(agent);
  }

  /** Gateways drop cached configurations of the agent, so the next call runs with the change. */
  async update(orgId: string, id: string, patch: AgentPatch): Promise<AgentView> {
    assertToolUrls(patch.tools, this.config.LLM_TOOLS_ALLOWED_HOSTS);
    await this.knowledgeBases.assertOwned(orgId, patch.knowledge_base_id);
    const agent = UUID.test(id) ? await this.repository.update(orgId, id, toAgentData(patch)) : null;
    if (!agent) throw notFound();
    await this.listChanged(orgId);
    await this.published(agent, 'updated');
    return toAgentView(agent);
  }

  /** Refused with CONFLICT while the dialer holds pending or running tasks for the agent. */
  async remove(orgId: string, id: string): Promise<void> {
    await this.find(orgId, id);
    const active = await this.activeTasks.count(orgId, id);
    if (active > 0) {
      throw ApiError.conflict('The agent has active tasks; finish or delete them first', { active_tasks: active });
    }
    const agent = await this.repository.delete(orgId, id);
    if (!agent) throw notFound();
    await this.listChanged(orgId);
    await this.published(agent, 'deleted');
  }

  private async find(orgId: string, id: string): Promise<Agent> {
    const agent = UUID.test(id) ? await this.repository.find(orgId, id) : null;
    if (!agent) throw notFound();
    return agent;
  }

  /**
   * Kept pages of the agents list go stale. The write has committed, so a failure here is not
   * the request's: the pages then age out (`LIST_CACHE_MS`).
   */
  private async listChanged(orgId: string): Promise<void> {
    await this.versions
      .changed('agents', orgId)
      .catch((err: unknown) => this.log.warn({ err, org_id: orgId }, 'agents list version not moved on'));
  }

  private published(agent: Agent, change: 'updated' | 'deleted'): Promise<void> {
    const changedAt = (change === 'updated' ? agent.updatedAt : new Date()).toISOString();
    return this.events.agentChanged({ agentId: agent.id, orgId: agent.orgId, change, changedAt });
  }
}

function notFound(): ApiError {
  return ApiError.notFound('Agent');
}
