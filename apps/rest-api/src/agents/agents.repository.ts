import { Inject, Injectable } from '@nestjs/common';
import { type Agent, type AgentsClient, Prisma } from '@parley/db-agents';
import { AGENTS_DB } from '../database/database.tokens';
import { type JsonPage, readJsonPage } from '../http/json-page';
import { SqlPool } from '../http/sql-pool';
import { agentListQuery } from './agent-list.sql';
import type { AgentView } from './agent-view.schema';

export interface AgentFilter {
  readonly enabled?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Prisma's "no row matched" on update and delete: the agent is gone or another org's. */
function isNotFound(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025';
}

/** An organization's agents. Every query names `orgId`, so another org's agent is simply not found. */
@Injectable()
export class AgentsRepository {
  constructor(
    @Inject(AGENTS_DB) private readonly db: AgentsClient,
    @Inject(SqlPool) private readonly sql: SqlPool,
  ) {}

  /** The hot list read (`GET /agents`): one SQL statement, the page serialized by Postgres as the API shows it. */
  listJson(orgId: string, filter: AgentFilter): Promise<JsonPage<AgentView>> {
    return readJsonPage<AgentView>(this.sql, agentListQuery(orgId, filter));
  }

  find(orgId: string, id: string): Promise<Agent | null> {
    return this.db.agent.findFirst({ where: { id, orgId } });
  }

  create(orgId: string, data: Prisma.AgentUncheckedUpdateInput): Promise<Agent> {
    return this.db.agent.create({ data: { ...data, orgId } as Prisma.AgentUncheckedCreateInput });
  }

  update(orgId: string, id: string, data: Prisma.AgentUncheckedUpdateInput): Promise<Agent | null> {
    return this.db.agent.update({ where: { id, orgId }, data }).catch(nullWhenNotFound);
  }

  delete(orgId: string, id: string): Promise<Agent | null> {
    return this.db.agent.delete({ where: { id, orgId } }).catch(nullWhenNotFound);
  }
}

function nullWhenNotFound(err: unknown): null {
  if (isNotFound(err)) return null;
  throw err;
}
