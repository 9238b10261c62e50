import type { TtsProvider } from '../providers/tts-provider';

/** The engines one worker runs, by name, and the one that speaks for agents whose engine is not here. */
export class TtsEngines {
  private readonly byName: ReadonlyMap<string, TtsProvider>;
  readonly fallback: TtsProvider;

  constructor(providers: readonly TtsProvider[], fallbackName: string) {
    this.byName = new Map(providers.map((provider) => [provider.name, provider]));
    const fallback = this.byName.get(fallbackName);
    if (!fallback) throw new Error(`tts engine ${fallbackName} is not loaded`);
    this.fallback = fallback;
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  get(name: string): TtsProvider | undefined {
    return this.byName.get(name);
  }

  async close(): Promise<void> {
    await Promise.all([...this.byName.values()].map((provider) => provider.close()));
  }
}
