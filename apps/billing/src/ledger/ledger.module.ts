import { Module } from '@nestjs/common';
import { LedgerListRpc } from './ledger-list.rpc';
import { LedgerStatementService } from './ledger-statement.service';
import { LedgerService } from './ledger.service';
import { PointsCreditRpc } from './points-credit.rpc';

/** Credits, debits and statements. Needs `DatabaseModule` and `BusModule` (both global) in the app. */
@Module({
  providers: [LedgerService, LedgerStatementService, PointsCreditRpc, LedgerListRpc],
  exports: [LedgerService],
})
export class LedgerModule {}
