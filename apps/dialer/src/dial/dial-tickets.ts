import { Inject, Injectable } from '@nestjs/common';
import { newDialTicket } from './dial-ticket';
import { DialTicketsRepository } from './dial-tickets.repository';

export const DIAL_TICKET_TTL_MS = Symbol('dialer:dial-ticket-ttl-ms');

/** Issues the one-time ticket a provider hands the gateway to join a placed call. */
@Injectable()
export class DialTickets {
  constructor(
    @Inject(DialTicketsRepository) private readonly repository: DialTicketsRepository,
    @Inject(DIAL_TICKET_TTL_MS) private readonly ttlMs: number,
  ) {}

  /** The ticket in clear (stored only as its hash), valid until the call's ring timeout; null when the task moved on. */
  async issue(callId: string): Promise<string | null> {
    const { ticket, hash } = newDialTicket();
    const issued = await this.repository.issue(callId, hash, new Date(Date.now() + this.ttlMs));
    return issued ? ticket : null;
  }
}
