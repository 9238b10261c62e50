import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type { AgentConfig, KeyResolveReply } from '@parley/contracts';
import { toAgentConfig } from './agent-config.mapper';
import { KeyResolveRepository, type KeyWithOrg } from './key-resolve.repository';
import { planLimits } from './plan-limits';

/** Turns a key hash into everything the gateway needs to admit a call. */
@Injectable()
export class KeyResolveService {
  constructor(@Inject(KeyResolveRepository) private readonly repository: KeyResolveRepository) {}

  /** Throws KEY_NOT_FOUND for an unknown hash; a revoked key resolves, so its refusal can be cached. */
  async resolve(keyHash: string): Promise<KeyResolveReply> {
    const key = await this.repository.findKeyByHash(keyHash);
    if (!key) throw new BusError('KEY_NOT_FOUND', 'no API key has this hash');
    return {
      keyId: key.id,
      orgId: key.orgId,
      status: key.status,
      plan: key.org.plan,
      limits: planLimits(key.org.plan, key.org.concurrentCallLimit),
      agent: await this.boundAgent(key),
    };
  }

  /**
   * Null when the key is unbound, its agent is gone or disabled, or the agent belongs to
   * another organization (agents live in another schema, so no foreign key guards that).
   */
  private async boundAgent(key: KeyWithOrg): Promise<AgentConfig | null> {
    if (!key.agentId) return null;
    const agent = await this.repository.findAgent(key.agentId);
    if (!agent || !agent.enabled || agent.orgId !== key.orgId) return null;
    return toAgentConfig(agent);
  }
}
