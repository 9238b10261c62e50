import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Bus, BusError } from '@parley/bus';
import { type DialAdmitReply, rpcSubjects } from '@parley/contracts';
import { testAgent } from '../support/fake-identity';

/**
 * Stands in for the dialer on `dialer.v1.rpc.dial.admit`: tickets the spec issues, each good for
 * one admission, as the contract says (unknown or used → NOT_FOUND). The real dialer's side is
 * tested in the dialer's own specs.
 */
export class FakeDialer {
  /** Admit requests that reached this responder. */
  requests = 0;
  private readonly tickets = new Map<string, DialAdmitReply>();

  serve(bus: Bus): void {
    bus.serve(rpcSubjects.dialerDialAdmit, (request) => {
      this.requests++;
      const reply = this.tickets.get(request.ticketHash);
      if (!reply) throw new BusError('NOT_FOUND', 'no such dial ticket');
      this.tickets.delete(request.ticketHash);
      return reply;
    });
  }

  /** A fresh ticket (base64url, as the dialer makes them) for an outbound call of `orgId`. */
  issue(orgId: string, options: { maxConcurrentCalls?: number } = {}): { ticket: string; reply: DialAdmitReply } {
    const ticket = randomBytes(32).toString('base64url');
    const reply: DialAdmitReply = {
      callId: randomUUID(),
      orgId,
      keyId: randomUUID(),
      agent: testAgent(randomUUID()),
      maxConcurrentCalls: options.maxConcurrentCalls ?? 5,
      direction: 'outbound',
      taskId: randomUUID(),
      from: '+15550100',
      to: '+15550142',
    };
    this.tickets.set(createHash('sha256').update(ticket).digest('hex'), reply);
    return { ticket, reply };
  }
}
