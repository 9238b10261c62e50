import { Inject, Injectable } from '@nestjs/common';
import type { TasksCountRequest } from '@parley/contracts';
import type { DialerClient } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';

/** One indexed count over the dialer's tasks (index on agent_id). */
@Injectable()
export class TasksCountRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  count({ orgId, agentId, statuses }: TasksCountRequest): Promise<number> {
    return this.db.task.count({ where: { orgId, agentId, status: { in: statuses } } });
  }
}
