import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { WebSocketServer } from 'ws';
import { type Admission, type AdmittedCall, CallAdmission } from './call-admission';
import { CALL_HANDOFF, type CallHandoff } from './call-handoff';
import { UpgradeMetrics } from './upgrade-metrics';
import { writeRefusal } from './upgrade-refusal';
import { type CarrierProtocol, carrierNamed, carrierNames } from '../telephony';
import { handOffCarrierCall } from './carrier-handoff';
import { type UpgradeTarget, upgradeTargetOf } from './upgrade-path';

/** An admitted call and the carrier whose protocol it speaks (none: the raw protocol). */
interface AcceptedCall {
  readonly call: AdmittedCall;
  readonly carrier: CarrierProtocol | undefined;
}

/** Large enough for any sane audio frame; a bigger one is an abuse, and ws closes with 1009. */
const MAX_FRAME_BYTES = 256 * 1024;

/**
 * The voice WebSocket edge on the Nest HTTP server: every upgrade request is authorized
 * before the handshake completes, so a refused client gets a plain HTTP status and a JSON
 * `{code, message}` (reference 003) instead of an opened-then-closed socket.
 */
@Injectable()
export class VoiceUpgradeServer implements OnApplicationBootstrap {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(CallAdmission) private readonly admission: CallAdmission,
    @Inject(CALL_HANDOFF) private readonly handoff: CallHandoff,
    @Inject(UpgradeMetrics) private readonly metrics: UpgradeMetrics,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const server: Server = this.adapterHost.httpAdapter.getHttpServer();
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.onUpgrade(req, socket, head);
    });
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const startedAt = performance.now();
    // A client that resets mid-handshake must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    const target = upgradeTargetOf(req.url);
    if (target === undefined) {
      const message =
        'WebSocket upgrades are served on /voice/<api-key>, /voice/dial/<ticket>, /telephony/<carrier>/<api-key> and /telephony/<carrier>/dial/<ticket> only';
      this.metrics.upgraded('NOT_FOUND', startedAt);
      return writeRefusal(socket, { code: 'NOT_FOUND', message });
    }
    const carrier = target.carrier === undefined ? undefined : carrierNamed(target.carrier);
    if (target.carrier !== undefined && !carrier) {
      const message = `unknown carrier; /telephony/<carrier>/... serves ${carrierNames().join(', ')}`;
      this.metrics.upgraded('NOT_FOUND', startedAt);
      return writeRefusal(socket, { code: 'NOT_FOUND', message });
    }
    const admission = await this.admit(target);
    if (!admission.admitted) {
      // Debug only: a flood of bad keys must not flood the log; the refusal counter shows it.
      this.log.debug({ code: admission.refusal.code }, 'voice upgrade refused');
      this.metrics.upgraded(admission.refusal.code, startedAt);
      return writeRefusal(socket, admission.refusal);
    }
    this.complete(req, socket, head, { call: admission.call, carrier }, startedAt);
  }

  /** Infrastructure failures become 500 with an id to quote to support; the cause stays in the log. */
  private async admit(target: UpgradeTarget): Promise<Admission> {
    try {
      if (target.kind === 'ticket') return await this.admission.admitTicket(target.ticket);
      return await this.admission.admit(target.key);
    } catch (err) {
      const errorId = randomUUID();
      this.log.error({ err, errorId }, 'voice upgrade failed');
      const message = `platform error, retry after 5 seconds (error id ${errorId})`;
      return { admitted: false, refusal: { code: 'PLATFORM_ERROR', message } };
    }
  }

  private complete(req: IncomingMessage, socket: Duplex, head: Buffer, accepted: AcceptedCall, startedAt: number): void {
    const { call, carrier } = accepted;
    if (socket.destroyed) {
      // The caller hung up while we were authorizing: nobody will ever hold this slot.
      void this.releaseUnused(call);
      return;
    }
    let handedOver = false;
    // ws answers a malformed handshake itself (400) without calling back: free the slot then too.
    socket.once('close', () => {
      if (!handedOver) void this.releaseUnused(call);
    });
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      handedOver = true;
      this.metrics.upgraded('ACCEPTED', startedAt);
      const channel = carrier?.name ?? 'raw';
      this.log.info({ callId: call.callId, orgId: call.orgId, agentId: call.agent.agentId, channel }, 'voice call accepted');
      if (!carrier) return this.handoff.start(ws, call.origin ? { ...call, origin: { ...call.origin, channel } } : call);
      void handOffCarrierCall(ws, call, carrier, this.handoff, this.log).then((started) => {
        if (!started) void this.releaseUnused(call);
      });
    });
  }

  private async releaseUnused(call: AdmittedCall): Promise<void> {
    try {
      await call.lease.release();
    } catch (err) {
      this.log.warn({ err, callId: call.callId }, 'unused call lease not released; it expires on its own');
    }
  }
}
