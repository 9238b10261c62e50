import { type DynamicModule, Module } from '@nestjs/common';
import { CALL_SETTINGS, type CallSettings, DEFAULT_CALL_SETTINGS } from './call-settings';
import { CallSessions } from './call-sessions';

/**
 * The per-call conversation loop. Needs the global `Bus` and `LOGGER`; provides
 * `CallSessions` to the upgrade handler. Import `CallModule` for the defaults, or
 * `CallModule.withSettings(...)` to tune timing from config.
 */
@Module({
  providers: [CallSessions, { provide: CALL_SETTINGS, useValue: DEFAULT_CALL_SETTINGS }],
  exports: [CallSessions],
})
export class CallModule {
  static withSettings(settings: Partial<CallSettings>): DynamicModule {
    return {
      module: CallModule,
      providers: [CallSessions, { provide: CALL_SETTINGS, useValue: { ...DEFAULT_CALL_SETTINGS, ...settings } }],
      exports: [CallSessions],
    };
  }
}
