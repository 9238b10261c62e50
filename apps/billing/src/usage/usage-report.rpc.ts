import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { UsageCallsService } from './usage-calls.service';
import { UsageSummaryService } from './usage-summary.service';

/** Serves `billing.v1.rpc.usage.summary` and `billing.v1.rpc.usage.calls` for rest-api's usage endpoints. */
@Injectable()
export class UsageReportRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(UsageSummaryService) private readonly summary: UsageSummaryService,
    @Inject(UsageCallsService) private readonly calls: UsageCallsService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.billingUsageSummary, (request) => this.summary.summarize(request));
    this.bus.serve(rpcSubjects.billingUsageCalls, (request) => this.calls.list(request));
  }
}
