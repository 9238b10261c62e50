import { Module } from '@nestjs/common';
import { ControlModule } from '../control/control.module';
import { LiveEventsHub } from './live-events.hub';
import { LiveSessionTokens } from './live-session-tokens';
import { LiveSocketsServer } from './live-sockets.server';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';

/**
 * `GET /api/v1/calls/:id/live` and the live WebSockets `/ws/calls/:id` and `/ws/monitor`, fed
 * by core subscriptions to the call facts. Needs the REST kernel, auth, Redis, the calls slice
 * and `BusModule` (global), and the CALL stream's subjects published (the gateway does).
 */
@Module({
  imports: [ControlModule],
  controllers: [LiveController],
  providers: [LiveSessionTokens, LiveEventsHub, LiveService, LiveSocketsServer],
})
export class LiveModule {}
