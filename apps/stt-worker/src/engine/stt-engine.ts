import { DeepgramSttProvider } from '../providers/deepgram/deepgram-provider';
import { PocketsphinxProvider } from '../providers/pocketsphinx/pocketsphinx-provider';
import type { SttProvider } from '../providers/stt-provider';

/** Engines this worker can run; cloud ones join the list with their adapters. */
export const STT_PROVIDER_NAMES = ['pocketsphinx', 'deepgram'] as const;
export type SttProviderName = (typeof STT_PROVIDER_NAMES)[number];

export interface SttEngineSettings {
  readonly provider: SttProviderName;
  readonly maxSessions: number;
  readonly spareDecoders: number;
  readonly deepgram: { readonly apiKey?: string; readonly baseUrl?: string; readonly model: string; readonly language: string };
}

/** Builds the configured provider and loads its models: once per worker, before any session opens. */
export async function loadSttEngine(settings: SttEngineSettings): Promise<SttProvider> {
  const provider = createProvider(settings);
  await provider.load();
  return provider;
}

function createProvider(settings: SttEngineSettings): SttProvider {
  switch (settings.provider) {
    case 'pocketsphinx':
      return new PocketsphinxProvider({ maxSessions: settings.maxSessions, spareDecoders: settings.spareDecoders });
    case 'deepgram':
      return new DeepgramSttProvider({ ...settings.deepgram, apiKey: settings.deepgram.apiKey ?? '', finalizeTimeoutMs: 2_000 });
  }
}
