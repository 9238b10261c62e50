import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type { SipInboundReply, SipInboundRequest } from '@parley/contracts';
import { SipConfigsRepository } from './sip-configs.repository';
import { SipInboundCallsRepository } from './sip-inbound-calls.repository';
import { SIP_OPTIONS, type SipOptions } from './sip-options';

/**
 * `dialer.v1.rpc.sip.inbound`: a carrier announced a call to one of the platform's numbers. The
 * number's config names the agent; the call gets its id now and its ticket (the hash of it) is
 * kept until the media stream presents it to the gateway, or `ticketTtlMs` passes.
 */
@Injectable()
export class SipInboundService {
  constructor(
    @Inject(SipConfigsRepository) private readonly configs: SipConfigsRepository,
    @Inject(SipInboundCallsRepository) private readonly calls: SipInboundCallsRepository,
    @Inject(SIP_OPTIONS) private readonly options: SipOptions,
  ) {}

  async announce({ to, from, ticketHash }: SipInboundRequest): Promise<SipInboundReply> {
    const config = await this.configs.byNumber(to);
    if (!config) throw new BusError('NOT_FOUND', 'no SIP config has this number');
    const expiresAt = new Date(Date.now() + this.options.ticketTtlMs);
    const call = await this.calls.record({ config, to, from, ticketHash, expiresAt });
    return {
      callId: call.callId,
      orgId: call.orgId,
      configId: config.id,
      agentId: config.agentId,
      expiresAt: expiresAt.toISOString(),
    };
  }
}
