import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/service';
import { Counter, Gauge, Histogram } from 'prom-client';

/** What an operator needs to size and watch STT workers. */
@Injectable()
export class SttMetrics {
  readonly activeSessions: Gauge;
  /** From the worker receiving a `flush` to publishing its final: what the caller waits for. */
  readonly finalizeLatency: Histogram;
  /** Engine time over audio time per utterance: above 1 the worker cannot keep up. */
  readonly realTimeFactor: Histogram;
  /** Gaps in the gateway's frame numbers: audio NATS dropped (a slow consumer) or the gateway never sent. */
  readonly framesLost: Counter;
  readonly sessionsOpened: Counter<'result'>;
  readonly sessionsClosed: Counter<'reason'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.activeSessions = new Gauge({ name: 'stt_active_sessions', help: 'Open STT sessions.', registers });
    this.finalizeLatency = new Histogram({
      name: 'stt_finalize_latency_seconds',
      help: 'Time from a flush reaching the worker to its final transcript being published.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.realTimeFactor = new Histogram({
      name: 'stt_real_time_factor',
      help: 'Engine time divided by audio time, per utterance.',
      buckets: [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2],
      registers,
    });
    this.framesLost = new Counter({
      name: 'stt_audio_frames_lost_total',
      help: 'Caller audio frames missing from the sequence numbers received.',
      registers,
    });
    this.sessionsOpened = new Counter({
      name: 'stt_session_opens_total',
      help: 'Session open requests, by result (opened, overloaded, refused).',
      labelNames: ['result'],
      registers,
    });
    this.sessionsClosed = new Counter({
      name: 'stt_session_closes_total',
      help: 'Sessions closed, by reason (close, end, idle, failed, shutdown).',
      labelNames: ['reason'],
      registers,
    });
  }
}
