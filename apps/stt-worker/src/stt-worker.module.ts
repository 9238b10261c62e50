import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { SttWorkerConfig } from './config';
import { loadSttEngines } from './engine/stt-engine';
import { SttMetrics } from './sessions/stt-metrics';
import { SttRpcHandlers } from './sessions/stt-rpc.handlers';
import { SttSessions } from './sessions/stt-sessions';
import { STT_ENGINES, STT_SETTINGS, sttSettings } from './stt-settings';

export interface SttWorkerModuleOptions {
  /** Prefix for every NATS subject, so tests can share one server. */
  readonly busNamespace?: string;
}

/**
 * Streaming speech-to-text sessions, sticky per call. The engine loads while the module starts, so
 * the worker listens (and `/readyz` answers) only once it can take a call; a model that cannot load
 * stops the boot. `/readyz` then checks what it uses: NATS.
 */
@Module({})
export class SttWorkerModule {
  static forRoot(config: SttWorkerConfig, logger: Logger, options: SttWorkerModuleOptions = {}): DynamicModule {
    return {
      module: SttWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'stt-worker', logger, namespace: options.busNamespace ?? config.BUS_NAMESPACE }),
      ],
      providers: [
        busReadiness,
        { provide: STT_SETTINGS, useValue: sttSettings(config) },
        {
          provide: STT_ENGINES,
          useFactory: () =>
            loadSttEngines({
              provider: config.STT_PROVIDER,
              maxSessions: config.STT_MAX_SESSIONS,
              spareDecoders: config.STT_SPARE_DECODERS,
              deepgram: {
                apiKey: config.DEEPGRAM_API_KEY,
                baseUrl: config.DEEPGRAM_BASE_URL,
                model: config.DEEPGRAM_MODEL,
                language: config.DEEPGRAM_LANGUAGE,
              },
            }),
        },
        SttMetrics,
        SttSessions,
        SttRpcHandlers,
      ],
    };
  }
}
