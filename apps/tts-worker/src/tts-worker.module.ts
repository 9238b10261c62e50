import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { TtsWorkerConfig } from './config';

/**
 * Text to 16 kHz PCM frames, cancellable; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS.
 */
@Module({})
export class TtsWorkerModule {
  static forRoot(config: TtsWorkerConfig, logger: Logger): DynamicModule {
    return {
      module: TtsWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'tts-worker', logger }),
      ],
      providers: [busReadiness],
    };
  }
}
