import { ElevenLabsProvider } from '../providers/elevenlabs/elevenlabs-provider';
import { FliteProvider } from '../providers/flite/flite-provider';
import { TtsError, type TtsProvider } from '../providers/tts-provider';
import { TtsEngines } from './tts-engines';

/** Engines this worker can run. */
export const TTS_PROVIDER_NAMES = ['flite', 'elevenlabs'] as const;
export type TtsProviderName = (typeof TTS_PROVIDER_NAMES)[number];

export interface ElevenLabsSettings {
  readonly apiKey?: string;
  readonly baseUrl?: string;
  readonly model: string;
  readonly voiceId: string;
  readonly timeoutMs: number;
}

export interface TtsEngineSettings {
  /** Speaks for agents whose provider this worker does not run. */
  readonly provider: TtsProviderName;
  /** flite's default voice. */
  readonly defaultVoice: string;
  /** Sentences the worker accepts at once; the engine's own queue is sized so it never refuses them. */
  readonly maxPendingSentences: number;
  readonly elevenlabs: ElevenLabsSettings;
}

/**
 * Builds and loads the engines: flite always (it needs no account, so a voice is always there), and
 * ElevenLabs when its key is set. Once per worker, before any request.
 */
export async function loadTtsEngines(settings: TtsEngineSettings): Promise<TtsEngines> {
  if (settings.provider === 'elevenlabs' && !settings.elevenlabs.apiKey) {
    throw new TtsError('config', 'TTS_PROVIDER=elevenlabs needs ELEVENLABS_API_KEY');
  }
  const providers: TtsProvider[] = [
    // A stream keeps at most two pieces queued (the one rendering and the next), so this bound is
    // never reached while the worker's own limit holds.
    new FliteProvider({ defaultVoice: settings.defaultVoice, maxQueuedPieces: 2 * settings.maxPendingSentences }),
  ];
  const { apiKey, baseUrl, model, voiceId, timeoutMs } = settings.elevenlabs;
  if (apiKey) providers.push(new ElevenLabsProvider({ apiKey, baseUrl, model, defaultVoice: voiceId, timeoutMs }));
  await Promise.all(providers.map((provider) => provider.load()));
  return new TtsEngines(providers, settings.provider);
}
