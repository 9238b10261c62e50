import { Inject, Injectable } from '@nestjs/common';
import type { BillingClient } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';

/** Reads an organization's balance; the ledger writes that change it live elsewhere. */
@Injectable()
export class BalanceRepository {
  constructor(@Inject(BILLING_DB) private readonly db: BillingClient) {}

  /** Null when the organization has no account yet, i.e. was never credited. */
  async findBalance(orgId: string): Promise<{ points: bigint; updatedAt: Date } | null> {
    const account = await this.db.account.findUnique({ where: { orgId } });
    return account ? { points: account.balancePoints, updatedAt: account.updatedAt } : null;
  }
}
