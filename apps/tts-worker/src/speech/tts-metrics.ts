import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/service';
import { Counter, Histogram } from 'prom-client';

/** What an operator needs to size and watch TTS workers. */
@Injectable()
export class TtsMetrics {
  /** From the request reaching the worker to its first frame published: what the caller waits for. */
  readonly timeToFirstFrame: Histogram;
  readonly framesSent: Counter;
  readonly sentences: Counter<'outcome'>;
  /** Characters sent to each engine: what a cloud vendor bills. */
  readonly characters: Counter<'provider'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.timeToFirstFrame = new Histogram({
      name: 'tts_time_to_first_frame_seconds',
      help: 'Time from a synthesize request reaching the worker to its first audio frame being published.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.framesSent = new Counter({ name: 'tts_frames_sent_total', help: 'Audio frames published.', registers });
    this.sentences = new Counter({
      name: 'tts_sentences_total',
      help: 'Sentences handled, by outcome (spoken, interrupted, dropped, failed, refused).',
      labelNames: ['outcome'],
      registers,
    });
    this.characters = new Counter({
      name: 'tts_characters_total',
      help: 'Characters synthesized, by engine (what a cloud vendor bills).',
      labelNames: ['provider'],
      registers,
    });
  }
}
