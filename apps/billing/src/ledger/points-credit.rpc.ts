import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { LedgerService } from './ledger.service';
import { toSafeNumber } from './safe-number';

/** Serves `billing.v1.rpc.points.credit`: top-ups and grants, from the admin endpoint or the seed. */
@Injectable()
export class PointsCreditRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.billingPointsCredit, async (request) => {
      const result = await this.ledger.credit(request);
      return {
        orgId: request.orgId,
        entryId: result.entryId,
        balanceAfter: toSafeNumber(result.balanceAfter),
        credited: result.applied,
      };
    });
  }
}
