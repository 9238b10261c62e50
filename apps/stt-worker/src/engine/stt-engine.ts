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

/**
 * The engines this worker runs, by name: `STT_PROVIDER`, and Deepgram beside it whenever a key is
 * configured (it holds no model, only connections), so each agent's `stt_provider` picks its
 * engine per call on any worker of the queue group.
 */
export class SttEngines {
  constructor(
    private readonly byName: ReadonlyMap<string, SttProvider>,
    /** The engine of requests that name none. */
    readonly primary: SttProvider,
  ) {}

  get(name: string | undefined): SttProvider | undefined {
    return name === undefined ? this.primary : this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  async close(): Promise<void> {
    await Promise.all([...this.byName.values()].map((engine) => engine.close()));
  }
}

/** Builds the worker's engines and loads their models: once per worker, before any session opens. */
export async function loadSttEngines(settings: SttEngineSettings): Promise<SttEngines> {
  const names = new Set<SttProviderName>([settings.provider, ...(settings.deepgram.apiKey ? (['deepgram'] as const) : [])]);
  const engines = new Map<string, SttProvider>();
  for (const name of names) {
    const engine = createProvider({ ...settings, provider: name });
    await engine.load();
    engines.set(name, engine);
  }
  return new SttEngines(engines, engines.get(settings.provider) as SttProvider);
}

function createProvider(settings: SttEngineSettings): SttProvider {
  switch (settings.provider) {
    case 'pocketsphinx':
      return new PocketsphinxProvider({ maxSessions: settings.maxSessions, spareDecoders: settings.spareDecoders });
    case 'deepgram':
      return new DeepgramSttProvider({ ...settings.deepgram, apiKey: settings.deepgram.apiKey ?? '', finalizeTimeoutMs: 2_000 });
  }
}
