import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DialerClient, SipConfig as SipConfigRow, SipInboundCall as SipInboundCallRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';

export interface InboundAnnouncement {
  readonly config: SipConfigRow;
  readonly to: string;
  readonly from?: string;
  readonly ticketHash: string;
  readonly expiresAt: Date;
}

/** Inbound calls a carrier announced, each with the hash of its one-time ticket. */
@Injectable()
export class SipInboundCallsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  record({ config, to, from, ticketHash, expiresAt }: InboundAnnouncement): Promise<SipInboundCallRow> {
    return this.db.sipInboundCall.create({
      data: {
        callId: randomUUID(),
        orgId: config.orgId,
        configId: config.id,
        agentId: config.agentId,
        keyId: config.keyId,
        toNumber: to,
        fromNumber: from ?? null,
        ticketHash,
        ticketExpiresAt: expiresAt,
      },
    });
  }

  /** Consumes the ticket: one conditional UPDATE, so of two admits with it only one wins. */
  async consume(ticketHash: string, now = new Date()): Promise<SipInboundCallRow | null> {
    const rows = await this.db.$queryRaw<{ call_id: string }[]>`
      UPDATE sip_inbound_calls SET ticket_hash = NULL, admitted_at = ${now}
      WHERE ticket_hash = ${ticketHash} AND ticket_expires_at > ${now}
      RETURNING call_id`;
    return rows.length === 1 ? this.db.sipInboundCall.findUnique({ where: { callId: rows[0].call_id } }) : null;
  }
}
