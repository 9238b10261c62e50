import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import type {
  SttSessionCloseReply,
  SttSessionCloseRequest,
  SttSessionOpenReply,
  SttSessionOpenRequest,
} from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { SttEngines } from '../engine/stt-engine';
import type { SttProvider } from '../providers/stt-provider';
import { STT_ENGINES, STT_SETTINGS, type SttSettings } from '../stt-settings';
import { CallTranscriber, type CloseReason } from './call-transcriber';
import { SttMetrics } from './stt-metrics';

/** How often idle timeouts and keepalives are checked. */
const TICK_MS = 50;

/**
 * Every worker hears each close request (only the holder can act on it); the others wait this long
 * before saying "not here", so the holder's answer, sent once its last final is out, arrives first.
 */
export const NOT_HELD_GRACE_MS = 1_000;

/** The sessions this worker holds, by call id, within its capacity. */
@Injectable()
export class SttSessions implements OnModuleDestroy {
  private readonly sessions = new Map<string, CallTranscriber>();
  private readonly ticker: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(STT_ENGINES) private readonly engines: SttEngines,
    @Inject(STT_SETTINGS) private readonly settings: SttSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SttMetrics) private readonly metrics: SttMetrics,
  ) {
    this.ticker = setInterval(() => this.tick(), TICK_MS).unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Opening a call this worker already holds returns the same session: a retried request is harmless. */
  async open(request: SttSessionOpenRequest): Promise<SttSessionOpenReply> {
    const provider = this.engineFor(request);
    const existing = this.sessions.get(request.callId);
    if (existing?.isClosing) await existing.closed();
    if (!this.sessions.has(request.callId)) this.add(request, provider);
    return { callId: request.callId, workerId: this.settings.workerId, provider: provider.name };
  }

  async close(request: SttSessionCloseRequest): Promise<SttSessionCloseReply> {
    const session = this.sessions.get(request.callId);
    if (!session) {
      await sleep(NOT_HELD_GRACE_MS);
      return { callId: request.callId, closed: false, audioMs: 0 };
    }
    return { callId: request.callId, closed: true, audioMs: await session.close('close') };
  }

  /** Shutdown: refuse new sessions and close the open ones, their last finals published. */
  async closeAll(reason: CloseReason): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.sessions.values()].map(async (session) => {
        await session.close(reason);
        await session.closed();
      }),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.ticker);
  }

  private engineFor(request: SttSessionOpenRequest): SttProvider {
    const engine = this.engines.get(request.provider);
    if (engine) return engine;
    this.metrics.sessionsOpened.inc({ result: 'refused' });
    const running = this.engines.names.join(', ');
    throw new BusError('INVALID_REQUEST', `STT provider ${request.provider} is not available; this worker runs ${running}`);
  }

  private add(request: SttSessionOpenRequest, provider: SttProvider): void {
    if (this.stopping) throw this.overloaded('this STT worker is shutting down');
    if (this.sessions.size >= this.settings.maxSessions) {
      throw this.overloaded(`all ${this.settings.maxSessions} sessions of this STT worker are in use`);
    }
    if (!request.language.toLowerCase().startsWith('en')) {
      this.logger.warn({ callId: request.callId, language: request.language }, 'stt engine knows only English');
    }
    const transcriber = new CallTranscriber(
      {
        callId: request.callId,
        keepaliveMs: request.keepaliveMs,
        idleTimeoutMs: this.settings.idleTimeoutMs,
        endpointSilenceMs: this.settings.endpointSilenceMs,
        sourceRate: request.sourceRate,
      },
      { bus: this.bus, provider, logger: this.logger, metrics: this.metrics, onClosed: this.onClosed },
    );
    this.sessions.set(request.callId, transcriber);
    this.metrics.sessionsOpened.inc({ result: 'opened' });
    this.metrics.activeSessions.set(this.sessions.size);
  }

  /** STT_ERROR is retryable: the gateway asks again and the queue group picks another worker. */
  private overloaded(message: string): BusError {
    this.metrics.sessionsOpened.inc({ result: 'overloaded' });
    return new BusError('STT_ERROR', message);
  }

  private readonly onClosed = (transcriber: CallTranscriber, reason: CloseReason): void => {
    if (this.sessions.get(transcriber.callId) === transcriber) this.sessions.delete(transcriber.callId);
    this.metrics.sessionsClosed.inc({ reason });
    this.metrics.activeSessions.set(this.sessions.size);
  };

  private tick(): void {
    const now = performance.now();
    for (const session of this.sessions.values()) session.tick(now);
  }
}
