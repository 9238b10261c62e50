import { Module } from '@nestjs/common';
import { QuotaService } from '../billing/quota.service';
import { IdentityModule } from '../identity/identity.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { ActiveTasksClient } from './active-tasks.client';
import { AgentPages } from './agent-pages.service';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';
import { DashboardAgentsController } from './dashboard-agents.controller';

/**
 * `/api/v1/agents` and the dashboard's `/api/agents`. Changes publish `agents.v1.evt.agent.changed`
 * (IdentityModule's publisher). Needs the REST kernel, auth, `BusModule` and `DatabaseModule` (global).
 */
@Module({
  imports: [IdentityModule, KnowledgeModule],
  controllers: [AgentsController, DashboardAgentsController],
  providers: [AgentsRepository, ActiveTasksClient, AgentsService, AgentPages, QuotaService],
})
export class AgentsModule {}
