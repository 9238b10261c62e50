import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type AgentConfig, type DialAdmitReply, rpcSubjects } from '@parley/contracts';
import type { SipConfig as SipConfigRow, SipInboundCall as SipInboundCallRow } from '@parley/db-dialer';
import { SipConfigsRepository } from './sip-configs.repository';
import { SipInboundCallsRepository } from './sip-inbound-calls.repository';

const TIMEOUT_MS = 5_000;

/**
 * The inbound half of `dialer.v1.rpc.dial.admit`: consumes an inbound call's ticket and answers
 * with its agent (from `identity.v1.rpc.agent.resolve`) under the number's settings: its maximum
 * duration, and no DTMF rules when the config turned DTMF off. Null for an unknown, used or expired
 * ticket, so the admit handler can try outbound tickets or answer NOT_FOUND.
 */
@Injectable()
export class SipAdmission {
  constructor(
    @Inject(SipInboundCallsRepository) private readonly calls: SipInboundCallsRepository,
    @Inject(SipConfigsRepository) private readonly configs: SipConfigsRepository,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  async admit(ticketHash: string): Promise<DialAdmitReply | null> {
    const call = await this.calls.consume(ticketHash);
    if (!call) return null;
    const resolved = await this.bus.request(
      rpcSubjects.identityAgentResolve,
      { orgId: call.orgId, agentId: call.agentId },
      { timeoutMs: TIMEOUT_MS },
    );
    const config = await this.configs.byNumber(call.toNumber);
    return {
      callId: call.callId,
      orgId: call.orgId,
      keyId: call.keyId,
      agent: withNumberSettings(resolved.agent, config?.id === call.configId ? config : null),
      maxConcurrentCalls: resolved.limits.maxConcurrentCalls,
      direction: 'inbound',
      ...callParties(call),
    };
  }
}

function withNumberSettings(agent: AgentConfig, config: SipConfigRow | null): AgentConfig {
  if (!config) return agent;
  const limits = { ...agent.limits, maxDurationSec: config.maxCallDuration };
  return config.dtmfEnabled ? { ...agent, limits } : { ...agent, limits, dtmfRules: undefined };
}

function callParties(call: SipInboundCallRow): { from?: string; to: string } {
  return call.fromNumber ? { from: call.fromNumber, to: call.toNumber } : { to: call.toNumber };
}
