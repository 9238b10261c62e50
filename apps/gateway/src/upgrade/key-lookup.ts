import { Bus, BusError } from '@parley/bus';
import { type KeyResolveReply, rpcSubjects } from '@parley/contracts';
import type { KeyCache } from './key-cache';
import type { UpgradeMetrics } from './upgrade-metrics';

export type KeyLookupResult =
  | { readonly found: true; readonly reply: KeyResolveReply }
  | { readonly found: false };

/**
 * Resolves a key hash: the shared cache first, rest-api on a miss, remembering both answers.
 * Transport failures and rest-api errors other than KEY_NOT_FOUND propagate as BusError.
 */
export class KeyLookup {
  constructor(
    private readonly bus: Bus,
    private readonly cache: KeyCache,
    private readonly rpcTimeoutMs: number,
    private readonly metrics: UpgradeMetrics,
  ) {}

  async lookup(keyHash: string): Promise<KeyLookupResult> {
    const cached = await this.cache.get(keyHash);
    this.metrics.cacheLookup(cached.kind);
    if (cached.kind === 'resolved') return { found: true, reply: cached.reply };
    if (cached.kind === 'unknown') return { found: false };
    try {
      const options = { timeoutMs: this.rpcTimeoutMs };
      const reply = await this.bus.request(rpcSubjects.identityKeyResolve, { keyHash }, options);
      await this.cache.put(keyHash, reply);
      return { found: true, reply };
    } catch (err) {
      if (!(err instanceof BusError && err.code === 'KEY_NOT_FOUND')) throw err;
      await this.cache.putUnknown(keyHash);
      return { found: false };
    }
  }
}
