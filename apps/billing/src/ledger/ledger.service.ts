import { Inject, Injectable } from '@nestjs/common';
import { type BillingClient, Prisma } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { InsufficientBalanceError, isUniqueViolation } from './ledger.errors';

export interface LedgerMove {
  readonly orgId: string;
  readonly points: number;
  readonly reason: string;
  /** A second move with the same key changes nothing and answers the first one's entry. */
  readonly idempotencyKey: string;
  readonly callId?: string;
}

export interface LedgerResult {
  readonly entryId: string;
  readonly balanceAfter: bigint;
  /** False when the key had been used already: this call moved nothing. */
  readonly applied: boolean;
}

interface EntryRow {
  id: string;
  balance_after: bigint;
}

/**
 * The points ledger: every change to a balance is an append-only entry with an idempotency
 * key, written in the same transaction as the balance row it changes. A debit takes the row
 * only if it covers the points (`balance >= points` in the UPDATE itself), so concurrent
 * debits can never take a balance below zero.
 */
@Injectable()
export class LedgerService {
  constructor(@Inject(BILLING_DB) private readonly db: BillingClient) {}

  credit(move: LedgerMove): Promise<LedgerResult> {
    return this.once(move, async () => {
      const [entry] = await this.db.$queryRaw<EntryRow[]>`
        WITH account AS (
          INSERT INTO accounts (org_id, balance_points) VALUES (${move.orgId}::uuid, ${move.points})
          ON CONFLICT (org_id) DO UPDATE
            SET balance_points = accounts.balance_points + excluded.balance_points, updated_at = now()
          RETURNING org_id, balance_points
        )
        ${this.appendFrom('account', move, 'credit')}`;
      return entry;
    });
  }

  /** Takes all the points or none: throws `InsufficientBalanceError` when the balance is short. */
  debit(move: LedgerMove): Promise<LedgerResult> {
    return this.once(move, async () => {
      const [entry] = await this.db.$queryRaw<EntryRow[]>`
        WITH account AS (
          UPDATE accounts SET balance_points = balance_points - ${move.points}, updated_at = now()
          WHERE org_id = ${move.orgId}::uuid AND balance_points >= ${move.points}
          RETURNING org_id, balance_points
        )
        ${this.appendFrom('account', move, 'debit')}`;
      if (!entry) throw new InsufficientBalanceError(move.orgId, move.points);
      return entry;
    });
  }

  /**
   * Runs `write` (one statement: the balance change and its entry commit together) unless the
   * key was used; a concurrent writer winning the key race rolls this one back and counts as used.
   */
  private async once(move: LedgerMove, write: () => Promise<EntryRow>): Promise<LedgerResult> {
    const earlier = await this.findByKey(move.idempotencyKey);
    if (earlier) return earlier;
    try {
      const entry = await write();
      return { entryId: entry.id, balanceAfter: entry.balance_after, applied: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.findByKey(move.idempotencyKey);
      if (!winner) throw err;
      return winner;
    }
  }

  /** The entry for the balance row that CTE `source` returned; no row, no entry. */
  private appendFrom(source: 'account', move: LedgerMove, kind: 'credit' | 'debit') {
    return Prisma.sql`
      INSERT INTO ledger_entries (org_id, kind, points, balance_after, reason, idempotency_key, call_id)
      SELECT org_id, ${kind}::ledger_kind, ${move.points}, balance_points, ${move.reason}, ${move.idempotencyKey},
             ${move.callId ?? null}::uuid
      FROM ${Prisma.raw(source)}
      RETURNING id, balance_after`;
  }

  private async findByKey(idempotencyKey: string): Promise<LedgerResult | undefined> {
    const entry = await this.db.ledgerEntry.findUnique({ where: { idempotencyKey } });
    return entry ? { entryId: entry.id, balanceAfter: entry.balanceAfter, applied: false } : undefined;
  }
}
