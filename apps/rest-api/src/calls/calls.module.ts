import { Module } from '@nestjs/common';
import { CallEventsConsumer } from './call-events.consumer';
import { CallPages } from './call-pages';
import { CallReportsService } from './call-reports.service';
import { CallsController } from './calls.controller';
import { CallsProjectionRepository } from './calls-projection.repository';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

/**
 * The calls read model: projected from call events, served under `/api/v1/calls`. Needs the REST
 * kernel, auth, `DatabaseModule` and `BusModule` (all global), with the CALL, BILLING and DIALER
 * streams declared.
 */
@Module({
  controllers: [CallsController],
  providers: [CallsProjectionRepository, CallEventsConsumer, CallsRepository, CallsService, CallReportsService, CallPages],
})
export class CallsModule {}
