import { type DynamicModule, Module } from '@nestjs/common';
import { SipAdmission } from './sip-admission';
import { SipConfigsRepository } from './sip-configs.repository';
import { SipDialService } from './sip-dial.service';
import { SipInboundCallsRepository } from './sip-inbound-calls.repository';
import { SipInboundService } from './sip-inbound.service';
import { SIP_OPTIONS, type SipOptions } from './sip-options';
import { SipRpc } from './sip.rpc';
import { SipSettingsService } from './sip-settings.service';
import { SipTrunksRepository } from './sip-trunks.repository';
import { TwilioVoiceController } from './twilio-voice.controller';
import { TwilioVoiceService } from './twilio-voice.service';

/**
 * SIP trunks and configs, `/sip/dial`, inbound number → agent and Twilio's voice webhook.
 * Needs `BusModule` and `DatabaseModule` (global) in the app. Exports `SipAdmission` for the
 * `dial.admit` handler (inbound tickets).
 */
@Module({})
export class SipModule {
  static forRoot(options: SipOptions): DynamicModule {
    return {
      module: SipModule,
      global: true,
      controllers: [TwilioVoiceController],
      providers: [
        { provide: SIP_OPTIONS, useValue: options },
        SipTrunksRepository,
        SipConfigsRepository,
        SipInboundCallsRepository,
        SipSettingsService,
        SipDialService,
        SipInboundService,
        SipAdmission,
        TwilioVoiceService,
        SipRpc,
      ],
      exports: [SipAdmission],
    };
  }
}
