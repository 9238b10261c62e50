import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type { AgentResolveReply } from '@parley/contracts';
import { isUuid } from '../calls/uuid';
import { toAgentConfig } from './agent-config.mapper';
import { AgentResolveRepository } from './agent-resolve.repository';
import { planLimits } from './plan-limits';

/**
 * An agent's call configuration by id, for calls the dialer places. Another organization's
 * agent, a disabled one, or none at all is NOT_FOUND: such a call must not run.
 */
@Injectable()
export class AgentResolveService {
  constructor(@Inject(AgentResolveRepository) private readonly repository: AgentResolveRepository) {}

  async resolve(orgId: string, agentId: string): Promise<AgentResolveReply> {
    if (!isUuid(orgId) || !isUuid(agentId)) throw notFound();
    const [org, agent] = await Promise.all([this.repository.findOrganization(orgId), this.repository.findAgent(orgId, agentId)]);
    if (!org || !agent || !agent.enabled) throw notFound();
    const { maxConcurrentCalls } = planLimits(org.plan, org.concurrentCallLimit);
    return { agent: toAgentConfig(agent), plan: org.plan, limits: { maxConcurrentCalls } };
  }
}

function notFound(): BusError {
  return new BusError('NOT_FOUND', 'no enabled agent with this id in the organization');
}
