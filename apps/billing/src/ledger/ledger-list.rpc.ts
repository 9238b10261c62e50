import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { LedgerStatementService } from './ledger-statement.service';

/** Serves `billing.v1.rpc.ledger.list` for the dashboard's ledger endpoint. */
@Injectable()
export class LedgerListRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(LedgerStatementService) private readonly statement: LedgerStatementService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.billingLedgerList, (request) => this.statement.list(request));
  }
}
