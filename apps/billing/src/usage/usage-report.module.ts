import { Module } from '@nestjs/common';
import { UsageCallsService } from './usage-calls.service';
import { UsageReportRpc } from './usage-report.rpc';
import { UsageSummaryService } from './usage-summary.service';

/** Usage totals and call logs over the bus. Needs `DatabaseModule` and `BusModule` (both global). */
@Module({ providers: [UsageSummaryService, UsageCallsService, UsageReportRpc] })
export class UsageReportModule {}
