import { Inject, Injectable, Optional } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import { type DialAdmitReply, rpcSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { SipAdmission } from '../sip/sip-admission';
import { personalizeAgent } from './dial-agent';
import { DialTicketsRepository } from './dial-tickets.repository';

/** How long rest-api may take to describe the agent; the gateway is holding an upgrade meanwhile. */
const AGENT_RESOLVE_TIMEOUT_MS = 5_000;

/**
 * `dial.admit`: turns a ticket the gateway received into the call it belongs to, with the agent
 * personalized for the task. The ticket is consumed first, so it works once whatever follows.
 */
@Injectable()
export class DialAdmitService {
  constructor(
    @Inject(DialTicketsRepository) private readonly tickets: DialTicketsRepository,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(LOGGER) private readonly log: Logger,
    /** Inbound calls to SIP config numbers hold tickets too (apps/dialer/src/sip). */
    @Optional() @Inject(SipAdmission) private readonly inbound?: SipAdmission,
  ) {}

  async admit(ticketHash: string): Promise<DialAdmitReply> {
    const task = await this.tickets.consume(ticketHash);
    const inbound = task ? null : await this.inbound?.admit(ticketHash);
    if (inbound) return inbound;
    if (!task) throw new BusError('NOT_FOUND', 'no call waits for this dial ticket (unknown, used or expired)');
    if (!task.keyId) throw new BusError('NOT_FOUND', 'the task was created by no API key its call could be attributed to');
    const { agent, limits } = await this.bus.request(
      rpcSubjects.identityAgentResolve,
      { orgId: task.orgId, agentId: task.agentId },
      { timeoutMs: AGENT_RESOLVE_TIMEOUT_MS },
    );
    this.log.info({ taskId: task.taskId, callId: task.callId }, 'dial ticket admitted');
    return {
      callId: task.callId,
      orgId: task.orgId,
      keyId: task.keyId,
      agent: personalizeAgent(agent, task),
      maxConcurrentCalls: limits.maxConcurrentCalls,
      direction: 'outbound',
      taskId: task.taskId,
      to: task.toNumber,
    };
  }
}
