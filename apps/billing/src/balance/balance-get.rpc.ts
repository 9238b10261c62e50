import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { BalanceService } from './balance.service';

/**
 * Serves `billing.v1.rpc.balance.get` in the `billing` queue group, shared by every billing
 * instance. The bus drain at shutdown ends the subscription after answers in flight are out.
 */
@Injectable()
export class BalanceGetRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(BalanceService) private readonly service: BalanceService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.billingBalanceGet, (request) => this.service.balanceOf(request.orgId));
  }
}
