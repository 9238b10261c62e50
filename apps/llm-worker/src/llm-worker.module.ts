import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { LlmWorkerConfig } from './config';

/**
 * Reply generation: streamed text and tool calls; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS.
 */
@Module({})
export class LlmWorkerModule {
  static forRoot(config: LlmWorkerConfig, logger: Logger): DynamicModule {
    return {
      module: LlmWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'llm-worker', logger }),
      ],
      providers: [busReadiness],
    };
  }
}
