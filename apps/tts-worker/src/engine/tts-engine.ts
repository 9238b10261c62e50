import { FliteProvider } from '../providers/flite/flite-provider';
import type { TtsProvider } from '../providers/tts-provider';

/** Engines this worker can run; cloud ones join the list with their adapters. */
export const TTS_PROVIDER_NAMES = ['flite'] as const;
export type TtsProviderName = (typeof TTS_PROVIDER_NAMES)[number];

export interface TtsEngineSettings {
  readonly provider: TtsProviderName;
  readonly defaultVoice: string;
  /** Sentences the worker accepts at once; the engine's own queue is sized so it never refuses them. */
  readonly maxPendingSentences: number;
}

/** Builds the configured provider and loads its voices: once per worker, before any request. */
export async function loadTtsEngine(settings: TtsEngineSettings): Promise<TtsProvider> {
  const provider = createProvider(settings);
  await provider.load();
  return provider;
}

function createProvider(settings: TtsEngineSettings): TtsProvider {
  switch (settings.provider) {
    case 'flite':
      // A stream keeps at most two pieces queued (the one rendering and the next), so this bound is
      // never reached while the worker's own limit holds.
      return new FliteProvider({ defaultVoice: settings.defaultVoice, maxQueuedPieces: 2 * settings.maxPendingSentences });
  }
}
