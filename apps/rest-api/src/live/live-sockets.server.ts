import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { type WebSocket, WebSocketServer } from 'ws';
import { ApiKeyResolver } from '../auth/api-key-resolver';
import { KeyRevocationWatch } from '../auth/key-revocation.watch';
import { RevocationMarks } from '../auth/revocation-marks';
import { LiveCallsRepository, type OwnedCall } from '../control/live-calls.repository';
import { streamCall } from './call-stream.socket';
import { LiveEventsHub } from './live-events.hub';
import { LiveSessionTokens } from './live-session-tokens';
import { CLOSE_NOT_FOUND, CLOSE_UNAUTHORIZED } from './live-socket';
import { monitorCalls } from './monitor.socket';

const CALL_PATH = /^\/ws\/calls\/([^/]{1,64})$/;
const MONITOR_PATH = '/ws/monitor';

/** What the upgrade decided, before the handshake completes. */
type Admission =
  | { kind: 'call'; orgId: string; call: OwnedCall; keyId?: string }
  | { kind: 'monitor'; orgId: string; keyId: string }
  | { kind: 'refused'; code: number; reason: string };

/**
 * The live WebSockets on rest-api's HTTP server: `/ws/calls/:id?api_key=|session_token=`
 * (reference 002) and `/ws/monitor?api_key=` (reference 004 §13). Credentials are checked
 * before the handshake completes; a refused socket is then closed with 4001 (bad credentials,
 * as 004 documents) or 4004 (no such call of the organization), so browsers, which cannot read
 * an HTTP refusal, see why. Other paths are left to any other upgrade handler, or dropped.
 */
@Injectable()
export class LiveSocketsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(ApiKeyResolver) private readonly keys: ApiKeyResolver,
    @Inject(LiveSessionTokens) private readonly tokens: LiveSessionTokens,
    @Inject(LiveCallsRepository) private readonly calls: LiveCallsRepository,
    @Inject(LiveEventsHub) private readonly hub: LiveEventsHub,
    @Inject(RevocationMarks) private readonly marks: RevocationMarks,
    @Inject(KeyRevocationWatch) private readonly revocations: KeyRevocationWatch,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://live');
      if (url.pathname !== MONITOR_PATH && !CALL_PATH.test(url.pathname)) {
        // Left to another upgrade handler if there is one; otherwise nobody would ever answer.
        if (server.listenerCount('upgrade') === 1) socket.destroy();
        return;
      }
      socket.on('error', (err) => this.log.warn({ err }, 'live socket error'));
      this.admit(url)
        .catch((err: unknown) => {
          this.log.error({ err }, 'live socket admission failed');
          return { kind: 'refused', code: 1011, reason: 'internal error' } as const;
        })
        .then((admission) => this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, admission)));
    });
  }

  beforeApplicationShutdown(): void {
    for (const socket of this.wss.clients) socket.close(1001, 'server shutting down');
    this.wss.close();
  }

  private async admit(url: URL): Promise<Admission> {
    const apiKey = url.searchParams.get('api_key');
    const key = apiKey ? await this.activeKey(apiKey) : undefined;
    if (url.pathname === MONITOR_PATH) {
      return key ? { kind: 'monitor', orgId: key.orgId, keyId: key.keyId } : refused(CLOSE_UNAUTHORIZED, 'invalid api_key');
    }
    const callId = decodeURIComponent(CALL_PATH.exec(url.pathname)?.[1] ?? '');
    const sessionToken = url.searchParams.get('session_token');
    const orgId = key?.orgId ?? (sessionToken ? (await this.tokens.verify(sessionToken, callId))?.orgId : undefined);
    if (!orgId) return refused(CLOSE_UNAUTHORIZED, 'invalid api_key or session_token');
    const call = await this.calls.findOwned(orgId, callId);
    return call ? { kind: 'call', orgId, call, keyId: key?.keyId } : refused(CLOSE_NOT_FOUND, 'call not found');
  }

  /** An active key not revoked on any instance (the Redis mark covers a cache that missed the event). */
  private async activeKey(raw: string): Promise<{ orgId: string; keyId: string } | undefined> {
    const key = await this.keys.resolve(raw);
    if (!key?.active || (await this.marks.isMarked(key.keyId))) return undefined;
    return { orgId: key.orgId, keyId: key.keyId };
  }

  private open(socket: WebSocket, admission: Admission): void {
    if (admission.kind === 'refused') return socket.close(admission.code, admission.reason);
    if (admission.keyId) this.closeOnRevocation(socket, admission.keyId);
    if (admission.kind === 'monitor') return monitorCalls(socket, admission.orgId, this.hub);
    streamCall(socket, admission.orgId, admission.call, this.hub);
  }

  /** A socket opened with an API key closes (4001) as soon as the key is revoked, on any instance. */
  private closeOnRevocation(socket: WebSocket, keyId: string): void {
    const stop = this.revocations.onRevoked(keyId, () => socket.close(CLOSE_UNAUTHORIZED, 'api key revoked'));
    socket.once('close', stop);
  }
}

function refused(code: number, reason: string): Admission {
  return { kind: 'refused', code, reason };
}
