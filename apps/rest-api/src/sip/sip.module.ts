import { Module } from '@nestjs/common';
import { DialerSipClient } from './dialer-sip.client';
import { SipAgentsRepository } from './sip-agents.repository';
import { SipController } from './sip.controller';
import { SipService } from './sip.service';

/** `/api/v1/sip`. Needs the REST kernel, auth, `BusModule` and `DatabaseModule` (all global). */
@Module({
  controllers: [SipController],
  providers: [DialerSipClient, SipAgentsRepository, SipService],
})
export class SipModule {}
