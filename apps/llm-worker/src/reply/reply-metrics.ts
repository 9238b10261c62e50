import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/service';
import { Counter, Gauge, Histogram } from 'prom-client';
import { TurnRegistry } from './turn-registry';
import type { TurnReport } from './turn-runner';

/** The reply pipeline's series, on the service's own registry (served at /metrics). */
@Injectable()
export class ReplyMetrics {
  private readonly firstSentence: Histogram<'provider'>;
  private readonly turns: Counter<'provider' | 'outcome'>;

  constructor(metrics: ServiceMetrics, registry: TurnRegistry) {
    const registers = [metrics.registry];
    this.firstSentence = new Histogram({
      name: 'llm_reply_first_sentence_seconds',
      help: 'Time from accepting a turn to publishing its first reply-text chunk, by provider.',
      labelNames: ['provider'],
      // From the local agent (well under a millisecond) to a slow cloud model (seconds).
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.turns = new Counter({
      name: 'llm_reply_turns_total',
      help: 'Turns finished, by provider and outcome (answered, fallback, goodbye, cancelled, failed).',
      labelNames: ['provider', 'outcome'],
      registers,
    });
    new Gauge({
      name: 'llm_reply_turns_in_flight',
      help: 'Turns this worker is generating right now.',
      registers,
      collect() {
        this.set(registry.size);
      },
    });
  }

  record(provider: string, report: TurnReport): void {
    this.turns.inc({ provider, outcome: report.outcome });
    if (report.firstChunkMs !== undefined) this.firstSentence.observe({ provider }, report.firstChunkMs / 1000);
  }
}
