import { Inject, Injectable } from '@nestjs/common';
import type { LedgerListReply, LedgerListRequest } from '@parley/contracts';
import type { BillingClient } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { toSafeNumber } from './safe-number';

/** An organization's ledger, newest entry first, as the dashboard pages through it. */
@Injectable()
export class LedgerStatementService {
  constructor(@Inject(BILLING_DB) private readonly db: BillingClient) {}

  async list({ orgId, limit, offset }: LedgerListRequest): Promise<LedgerListReply> {
    const where = { orgId };
    const [rows, total] = await Promise.all([
      this.db.ledgerEntry.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, skip: offset }),
      this.db.ledgerEntry.count({ where }),
    ]);
    const entries = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      points: toSafeNumber(row.points),
      balanceAfter: toSafeNumber(row.balanceAfter),
      reason: row.reason,
      callId: row.callId,
      createdAt: row.createdAt.toISOString(),
    }));
    return { entries, total };
  }
}
