import { Module } from '@nestjs/common';
import { CallReporter } from './call-reporter';
import { CallReportsRepository } from './call-reports.repository';

/** Task call reports. Needs `BusModule` and `DatabaseModule` (global) in the app. */
@Module({
  providers: [CallReportsRepository, CallReporter],
  exports: [CallReporter],
})
export class ReportsModule {}
