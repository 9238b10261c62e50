import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { SttWorkerConfig } from './config';

/**
 * Streaming speech-to-text sessions, sticky per call; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS.
 */
@Module({})
export class SttWorkerModule {
  static forRoot(config: SttWorkerConfig, logger: Logger): DynamicModule {
    return {
      module: SttWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'stt-worker', logger }),
      ],
      providers: [busReadiness],
    };
  }
}
