import type { CallEndReason, ErrorCode } from '@parley/contracts';
import type { ServiceMetrics } from '@parley/service';
import { Counter, Gauge, Histogram } from 'prom-client';

/** What operators watch in the call loop: load, how calls end, interruptions, errors, responsiveness. */
export class CallMetrics {
  private readonly active: Gauge;
  private readonly ended: Counter<'reason'>;
  private readonly bargeIns: Counter;
  private readonly errors: Counter<'code'>;
  private readonly voiceToVoice: Histogram;

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.active = new Gauge({ name: 'gateway_calls_active', help: 'Calls in progress on this instance.', registers });
    this.ended = new Counter({
      name: 'gateway_calls_ended_total',
      help: 'Calls ended, by call_end reason.',
      labelNames: ['reason'],
      registers,
    });
    this.bargeIns = new Counter({
      name: 'gateway_barge_ins_total',
      help: 'Agent turns stopped because the caller spoke over them.',
      registers,
    });
    this.errors = new Counter({
      name: 'gateway_call_errors_total',
      help: 'Runtime error frames sent to callers, by code.',
      labelNames: ['code'],
      registers,
    });
    this.voiceToVoice = new Histogram({
      name: 'gateway_voice_to_voice_seconds',
      help: 'End of caller speech to the first frame of the reply sent to the caller.',
      buckets: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8],
      registers,
    });
  }

  callStarted(): void {
    this.active.inc();
  }

  callEnded(reason: CallEndReason): void {
    this.active.dec();
    this.ended.inc({ reason });
  }

  bargeIn(): void {
    this.bargeIns.inc();
  }

  errorSent(code: ErrorCode): void {
    this.errors.inc({ code });
  }

  voiceToVoiceMs(ms: number): void {
    this.voiceToVoice.observe(ms / 1000);
  }
}
