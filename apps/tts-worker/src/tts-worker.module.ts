import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { TtsWorkerConfig } from './config';
import { loadTtsEngines } from './engine/tts-engine';
import { SpeechCalls } from './speech/speech-calls';
import { TtsMetrics } from './speech/tts-metrics';
import { TtsRpcHandlers } from './speech/tts-rpc.handlers';
import { TTS_ENGINE, TTS_SETTINGS, ttsSettings } from './tts-settings';

export interface TtsWorkerModuleOptions {
  /** Prefix for every NATS subject, so tests can share one server. */
  readonly busNamespace?: string;
}

/**
 * Text to 16 kHz PCM frames, cancellable. The engine and its voices load while the module starts, so
 * the worker listens (and `/readyz` answers) only once it can speak; a voice that cannot load stops
 * the boot. `/readyz` then checks what it uses: NATS.
 */
@Module({})
export class TtsWorkerModule {
  static forRoot(config: TtsWorkerConfig, logger: Logger, options: TtsWorkerModuleOptions = {}): DynamicModule {
    return {
      module: TtsWorkerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'tts-worker', logger, namespace: options.busNamespace ?? config.BUS_NAMESPACE }),
      ],
      providers: [
        busReadiness,
        { provide: TTS_SETTINGS, useValue: ttsSettings(config) },
        {
          provide: TTS_ENGINE,
          useFactory: () =>
            loadTtsEngines({
              provider: config.TTS_PROVIDER,
              defaultVoice: config.TTS_VOICE,
              maxPendingSentences: config.TTS_MAX_PENDING_SENTENCES,
              elevenlabs: {
                apiKey: config.ELEVENLABS_API_KEY,
                baseUrl: config.ELEVENLABS_BASE_URL,
                model: config.ELEVENLABS_MODEL,
                voiceId: config.ELEVENLABS_VOICE_ID,
                timeoutMs: config.ELEVENLABS_TIMEOUT_MS,
              },
            }),
        },
        TtsMetrics,
        SpeechCalls,
        TtsRpcHandlers,
      ],
    };
  }
}
