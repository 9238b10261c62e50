import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';

/** A busy dialer answers in milliseconds; longer means it is down, and a delete must not guess. */
const TIMEOUT_MS = 3_000;

/** Asks the dialer, which owns tasks, how many of an agent's tasks are pending or in progress. */
@Injectable()
export class ActiveTasksClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async count(orgId: string, agentId: string): Promise<number> {
    const statuses = ['pending', 'in_progress'] as const;
    const reply = await this.bus.request(
      rpcSubjects.dialerTasksCount,
      { orgId, agentId, statuses: [...statuses] },
      { timeoutMs: TIMEOUT_MS },
    );
    return reply.count;
  }
}
