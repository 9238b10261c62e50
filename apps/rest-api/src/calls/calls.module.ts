import { Module } from '@nestjs/common';
import { CallEventsConsumer } from './call-events.consumer';
import { CallsProjectionRepository } from './calls-projection.repository';

/**
 * The calls read model: projected from call events, served under `/api/v1/calls`.
 * Needs `DatabaseModule` and `BusModule` (both global) in the app, with the CALL and BILLING streams.
 */
@Module({
  providers: [CallsProjectionRepository, CallEventsConsumer],
})
export class CallsModule {}
