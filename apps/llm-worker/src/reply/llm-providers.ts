import { BusError } from '@parley/bus';
import type { LlmProvider } from '../providers/llm-provider';

/** The reply generators this worker runs, by the name agents select them with (`agent.llm.provider`). */
export class LlmProviders {
  private readonly byName: ReadonlyMap<string, LlmProvider>;

  constructor(providers: readonly LlmProvider[]) {
    this.byName = new Map(providers.map((provider) => [provider.name, provider]));
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The named provider; an agent naming one this worker lacks is a configuration error, not worth a retry. */
  get(name: string): LlmProvider {
    const provider = this.byName.get(name);
    if (provider) return provider;
    throw new BusError('INVALID_REQUEST', `llm provider "${name}" is not available (have: ${this.names.join(', ')})`);
  }
}
