import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import { rpcSubjects, type SipDialReply, type SipDialRequest } from '@parley/contracts';
import { toSipTrunk } from './sip.mapper';
import { SipTrunksRepository } from './sip-trunks.repository';

/** The dialer answers its own task RPCs in milliseconds; this only bounds a stuck database. */
const TIMEOUT_MS = 10_000;

/**
 * `POST /sip/dial` (reference 004): one call now, through the organization's first trunk. It is a
 * task created and executed at once, over the dialer's own task RPCs, so the call takes exactly
 * the path of `task.execute`: dial ticket, telephony provider, ring timeout, status, report.
 */
@Injectable()
export class SipDialService {
  constructor(
    @Inject(SipTrunksRepository) private readonly trunks: SipTrunksRepository,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  async dial(request: SipDialRequest): Promise<SipDialReply> {
    const trunk = await this.trunks.first(request.orgId);
    if (!trunk) throw new BusError('INVALID_REQUEST', 'No SIP trunk configured');
    const roomName = `${request.roomName ?? 'outbound-call'}-${randomBytes(4).toString('hex')}`;
    const callerId = request.callerId ?? trunk.phoneNumber;
    const task = await this.bus.request(
      rpcSubjects.dialerTaskCreate,
      {
        orgId: request.orgId,
        agentId: request.agentId,
        keyId: request.keyId,
        maxConcurrentCalls: request.maxConcurrentCalls,
        fields: { name: roomName, description: `SIP dial from ${callerId}`, toNumber: request.toNumber, contextData: request.metadata ?? null },
      },
      { timeoutMs: TIMEOUT_MS },
    );
    const { callId } = await this.bus.request(
      rpcSubjects.dialerTaskExecute,
      { orgId: request.orgId, taskId: task.id },
      { timeoutMs: TIMEOUT_MS },
    );
    return { callId, taskId: task.id, trunk: toSipTrunk(trunk), callerId, roomName };
  }
}
