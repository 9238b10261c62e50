import type { ErrorCode } from '@parley/contracts';
import type { ServiceMetrics } from '@parley/service';
import { Counter, Histogram } from 'prom-client';
import type { CachedKey } from './key-cache';

export type UpgradeOutcome = 'ACCEPTED' | ErrorCode;

/** What operators watch at the voice edge: refusals by code, time to admit, key cache hit rate. */
export class UpgradeMetrics {
  private readonly upgrades: Counter<'code'>;
  private readonly duration: Histogram<'code'>;
  private readonly cacheLookups: Counter<'result'>;

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.upgrades = new Counter({
      name: 'gateway_voice_upgrades_total',
      help: 'Voice WebSocket upgrade requests, by outcome: ACCEPTED or the refusal code.',
      labelNames: ['code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'gateway_voice_upgrade_duration_seconds',
      help: 'Time from the upgrade request to the handshake or the refusal, by outcome.',
      labelNames: ['code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'gateway_key_cache_lookups_total',
      help: 'Key cache lookups: resolved and unknown are hits, miss asks rest-api.',
      labelNames: ['result'],
      registers,
    });
  }

  upgraded(code: UpgradeOutcome, startedAt: number): void {
    this.upgrades.inc({ code });
    this.duration.observe({ code }, (performance.now() - startedAt) / 1000);
  }

  cacheLookup(result: CachedKey['kind']): void {
    this.cacheLookups.inc({ result });
  }
}
