import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { loadVadFactory } from '../vad';
import { CALL_SETTINGS, CALL_VADS, type CallSettings, DEFAULT_CALL_SETTINGS } from './call-settings';
import { CallSessions } from './call-sessions';

function callProviders(settings: CallSettings): Provider[] {
  return [
    CallSessions,
    { provide: CALL_SETTINGS, useValue: settings },
    // Loaded once, before the first call: the model takes a few hundred milliseconds.
    { provide: CALL_VADS, inject: [LOGGER], useFactory: (log: Logger) => loadVadFactory(settings.vad, log) },
  ];
}

/**
 * The per-call conversation loop. Needs the global `Bus` and `LOGGER`; provides
 * `CallSessions` to the upgrade handler. Import `CallModule` for the defaults, or
 * `CallModule.withSettings(...)` to tune timing from config.
 */
@Module({
  providers: callProviders(DEFAULT_CALL_SETTINGS),
  exports: [CallSessions],
})
export class CallModule {
  static withSettings(settings: Partial<CallSettings>): DynamicModule {
    return {
      module: CallModule,
      providers: callProviders({ ...DEFAULT_CALL_SETTINGS, ...settings }),
      exports: [CallSessions],
    };
  }
}
