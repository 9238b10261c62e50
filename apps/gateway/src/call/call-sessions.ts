import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { LOGGER, ServiceMetrics } from '@parley/service';
import type { WebSocket } from 'ws';
import type { VadFactory } from '../vad';
import { CallMetrics } from './call-metrics';
import { CALL_SETTINGS, CALL_VADS, type CallSettings } from './call-settings';
import { type CallContext, CallSession } from './call-session';
import { rawConnector, type TransportConnector } from './client-channel';
import type { RecordingSink } from './recording-sink';

/** The live calls of this gateway instance; the upgrade hands each accepted socket here. */
@Injectable()
export class CallSessions implements BeforeApplicationShutdown {
  private readonly live = new Map<string, CallSession>();
  private readonly metrics: CallMetrics;
  private readonly recordings: RecordingSink | undefined;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(CALL_SETTINGS) private readonly settings: CallSettings,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(ServiceMetrics) serviceMetrics: ServiceMetrics,
    @Inject(CALL_VADS) private readonly vads: VadFactory,
  ) {
    this.metrics = new CallMetrics(serviceMetrics);
    this.recordings = settings.recordings;
  }

  /** Number of calls in progress. */
  get size(): number {
    return this.live.size;
  }

  /**
   * Runs the call on a transport (or an upgraded socket speaking the raw protocol): greeting
   * first, until one of the end paths.
   */
  start(link: WebSocket | TransportConnector, ctx: CallContext): CallSession {
    const connect = typeof link === 'function' ? link : rawConnector(link, this.settings.maxClientFrameBytes);
    const session = new CallSession(connect, ctx, {
      bus: this.bus,
      settings: this.settings,
      log: this.log,
      vads: this.vads,
      recordings: this.recordings,
      metrics: this.metrics,
      onEnded: () => this.live.delete(ctx.callId),
    });
    this.live.set(ctx.callId, session);
    session.start();
    return session;
  }

  /** Before the bus drains: end every call so `call.ended` is stored and billing sees it. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.live.values()].map((session) => session.end('SHUTDOWN')));
  }
}
