import { Module } from '@nestjs/common';
import { CallCommandsClient } from './call-commands.client';
import { CallControlController } from './call-control.controller';
import { CallControlService } from './call-control.service';
import { LiveCallsRepository } from './live-calls.repository';

/**
 * Commands to live calls over `voice.v1.sess.<callId>.command`. Needs the REST kernel, auth,
 * `DatabaseModule` (the calls slice) and `BusModule`, all global.
 */
@Module({
  controllers: [CallControlController],
  providers: [LiveCallsRepository, CallCommandsClient, CallControlService],
  exports: [LiveCallsRepository],
})
export class ControlModule {}
