import { Module } from '@nestjs/common';
import { BalanceGetRpc } from './balance-get.rpc';
import { BalanceRepository } from './balance.repository';
import { BalanceService } from './balance.service';

/** Balances over the bus. Needs `DatabaseModule` and `BusModule` (both global) in the app. */
@Module({
  providers: [BalanceRepository, BalanceService, BalanceGetRpc],
  exports: [BalanceService],
})
export class BalanceModule {}
