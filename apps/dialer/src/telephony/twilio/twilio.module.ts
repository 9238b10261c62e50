import { type DynamicModule, Module } from '@nestjs/common';
import type { DialerConfig } from '../../config';
import { TasksModule } from '../../tasks/tasks.module';
import { TwilioCallStatus } from './twilio-call-status';
import { TwilioCallsRepository } from './twilio-calls.repository';
import { TWILIO_SETTINGS, twilioSettingsFrom } from './twilio-settings';
import { TwilioStatusController } from './twilio-status.controller';

/**
 * Twilio's status callbacks (`POST /telephony/twilio/status`), served only when Twilio places the
 * calls (`TELEPHONY_PROVIDER=twilio`); otherwise the route does not exist.
 */
@Module({})
export class TwilioModule {
  static forRoot(config: DialerConfig): DynamicModule {
    if (config.TELEPHONY_PROVIDER !== 'twilio') return { module: TwilioModule };
    return {
      module: TwilioModule,
      imports: [TasksModule],
      controllers: [TwilioStatusController],
      providers: [{ provide: TWILIO_SETTINGS, useValue: twilioSettingsFrom(config) }, TwilioCallsRepository, TwilioCallStatus],
    };
  }
}
