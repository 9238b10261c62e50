import { Inject, Injectable } from '@nestjs/common';
import { rpcSubjects } from '@parley/contracts';
import type { Principal } from '../auth/principal';
import { ApiError } from '../http/api-error';
import { DialerSipClient } from './dialer-sip.client';
import type { SipConfigCreateBody, SipConfigPatchBody, SipDialBody, SipTrunkCreateBody, SipTrunkPatchBody } from './sip-body.schema';
import { SipAgentsRepository } from './sip-agents.repository';
import { SIP_CONFIG_QUOTA } from './sip-quotas';
import type { SipConfigView, SipDialView, SipTrunkView } from './sip-view.schema';
import { toSipConfigFields, toSipConfigView, toSipDialView, toSipTrunkFields, toSipTrunkView } from './sip-view.mapper';

/**
 * `/api/v1/sip` over the dialer, which owns trunks and configs. This side checks what only
 * rest-api knows: the agent belongs to the caller's organization, the plan's quota, the key.
 */
@Injectable()
export class SipService {
  constructor(
    @Inject(DialerSipClient) private readonly dialer: DialerSipClient,
    @Inject(SipAgentsRepository) private readonly agents: SipAgentsRepository,
  ) {}

  async listTrunks(orgId: string): Promise<{ trunks: SipTrunkView[] }> {
    const { trunks } = await this.dialer.call(rpcSubjects.dialerSipTrunkList, { orgId }, 'SIP trunk');
    return { trunks: trunks.map(toSipTrunkView) };
  }

  async createTrunk(orgId: string, body: SipTrunkCreateBody): Promise<SipTrunkView> {
    const fields = toSipTrunkFields(body);
    return toSipTrunkView(await this.dialer.call(rpcSubjects.dialerSipTrunkCreate, { orgId, fields }, 'SIP trunk'));
  }

  async updateTrunk(orgId: string, trunkId: string, body: SipTrunkPatchBody): Promise<SipTrunkView> {
    const changes = toSipTrunkFields(body);
    return toSipTrunkView(await this.dialer.call(rpcSubjects.dialerSipTrunkUpdate, { orgId, trunkId, changes }, 'SIP trunk'));
  }

  deleteTrunk(orgId: string, trunkId: string) {
    return this.dialer.call(rpcSubjects.dialerSipTrunkDelete, { orgId, trunkId }, 'SIP trunk');
  }

  async listConfigs(orgId: string): Promise<{ configs: SipConfigView[] }> {
    const { configs } = await this.dialer.call(rpcSubjects.dialerSipConfigList, { orgId }, 'SIP config');
    const names = await this.agents.names(orgId, configs.map((config) => config.agentId));
    return { configs: configs.map((config) => toSipConfigView(config, names.get(config.agentId) ?? null)) };
  }

  async createConfig(principal: Principal, body: SipConfigCreateBody): Promise<SipConfigView> {
    const { orgId, plan } = principal;
    await this.assertAgent(orgId, body.agent_config_id);
    const maxConfigs = SIP_CONFIG_QUOTA[plan];
    const request = { orgId, keyId: keyOf(principal), fields: toSipConfigFields(body), maxConfigs };
    const config = await this.dialer.withinQuota(plan, maxConfigs, () =>
      this.dialer.call(rpcSubjects.dialerSipConfigCreate, request, 'SIP config'),
    );
    return this.configView(orgId, config);
  }

  async updateConfig(orgId: string, configId: string, body: SipConfigPatchBody): Promise<SipConfigView> {
    if (body.agent_config_id) await this.assertAgent(orgId, body.agent_config_id);
    const changes = toSipConfigFields(body);
    return this.configView(orgId, await this.dialer.call(rpcSubjects.dialerSipConfigUpdate, { orgId, configId, changes }, 'SIP config'));
  }

  deleteConfig(orgId: string, configId: string) {
    return this.dialer.call(rpcSubjects.dialerSipConfigDelete, { orgId, configId }, 'SIP config');
  }

  async dial(principal: Principal, body: SipDialBody): Promise<SipDialView> {
    const { orgId } = principal;
    const agentId = body.agent_config_id ?? (await this.agents.firstActive(orgId));
    if (!agentId) throw ApiError.invalid('No active agent to dispatch: create one or name agent_config_id');
    if (body.agent_config_id) await this.assertAgent(orgId, agentId);
    const reply = await this.dialer.call(
      rpcSubjects.dialerSipDial,
      {
        orgId,
        keyId: keyOf(principal),
        agentId,
        toNumber: body.phone_number,
        callerId: body.caller_id,
        roomName: body.room_name,
        metadata: body.metadata,
        maxConcurrentCalls: await this.agents.concurrentCallLimit(orgId),
      },
      'SIP trunk',
    );
    return toSipDialView(reply, agentId, body.phone_number);
  }

  private async assertAgent(orgId: string, agentId: string): Promise<void> {
    if (!(await this.agents.belongsTo(orgId, agentId))) throw ApiError.notFound('Agent');
  }

  private async configView(orgId: string, config: Parameters<typeof toSipConfigView>[0]): Promise<SipConfigView> {
    const names = await this.agents.names(orgId, [config.agentId]);
    return toSipConfigView(config, names.get(config.agentId) ?? null);
  }
}

/** The routes are API-key only, so a key is always there; calls and numbers are attributed to it. */
function keyOf(principal: Principal): string {
  if (!principal.keyId) throw ApiError.forbidden('SIP endpoints need an API key');
  return principal.keyId;
}
