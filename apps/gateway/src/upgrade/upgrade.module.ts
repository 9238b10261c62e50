import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CALL_HANDOFF, type CallHandoff } from './call-handoff';
import { KeyCacheInvalidation } from './key-cache-invalidation';
import { type AdmissionOptions, admissionProviders } from './upgrade.providers';
import { VoiceHttpController } from './voice-http.controller';
import { VoiceUpgradeServer } from './voice-upgrade.server';

export interface UpgradeOptions extends AdmissionOptions {
  /** What runs an accepted call, e.g. `CallSessions`, exported by `handoffModule`. */
  readonly handoff: Type<CallHandoff>;
  readonly handoffModule: Type | DynamicModule;
}

/**
 * The voice upgrade: authorization (key cache, identity and billing RPCs, concurrency
 * leases) before the WebSocket handshake, then the hand-off to the call loop. Needs the
 * global `Bus`, `Redis` and `LOGGER`.
 */
@Module({})
export class UpgradeModule {
  static forRoot(options: UpgradeOptions): DynamicModule {
    return {
      module: UpgradeModule,
      imports: [options.handoffModule],
      controllers: [VoiceHttpController],
      providers: [
        ...admissionProviders(options),
        { provide: CALL_HANDOFF, useExisting: options.handoff },
        VoiceUpgradeServer,
        KeyCacheInvalidation,
      ],
    };
  }
}
