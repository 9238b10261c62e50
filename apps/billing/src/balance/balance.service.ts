import { Inject, Injectable } from '@nestjs/common';
import type { BalanceGetReply } from '@parley/contracts';
import { toSafeNumber } from '../ledger/safe-number';
import { BalanceRepository } from './balance.repository';

/** An organization's points balance, as the gateway checks it before admitting a call. */
@Injectable()
export class BalanceService {
  constructor(@Inject(BalanceRepository) private readonly repository: BalanceRepository) {}

  async balanceOf(orgId: string): Promise<BalanceGetReply> {
    const balance = await this.repository.findBalance(orgId);
    const asOf = new Date().toISOString();
    // No account yet means nothing was ever credited: zero, not an error.
    if (!balance) return { orgId, points: 0, asOf };
    return { orgId, points: toSafeNumber(balance.points), asOf };
  }
}
