import { type DynamicModule, Module } from '@nestjs/common';
import { TELEPHONY_PROVIDER } from './telephony-provider';
import { UnconfiguredProvider } from './unconfigured-provider';

/** The telephony provider outbound calls go through (global: tasks and the scheduler dial). */
@Module({})
export class TelephonyModule {
  static forRoot(): DynamicModule {
    return {
      module: TelephonyModule,
      global: true,
      providers: [{ provide: TELEPHONY_PROVIDER, useClass: UnconfiguredProvider }],
      exports: [TELEPHONY_PROVIDER],
    };
  }
}
