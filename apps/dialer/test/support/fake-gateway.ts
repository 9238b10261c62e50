import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FRAME_BYTES } from '@parley/audio';
import { type RawData, WebSocket, WebSocketServer } from 'ws';

/** A caller frame with a sample louder than this is speech (flite's silence is near 0). */
const SPEECH_LEVEL = 500;
/** The caller's turn ends after this many silent frames (300 ms), as the gateway's end of turn would. */
const END_OF_TURN_FRAMES = 15;

export interface FakeGatewayCall {
  readonly ticket: string;
  /** Caller speech bursts, as [first frame index, last frame index]. */
  readonly bursts: [number, number][];
  /** Frame index at which the greeting ended (audio_end sent). */
  greetingEndedAtFrame: number;
  framesReceived: number;
  badFrames: number;
  endCallReceived: boolean;
  readonly closed: Promise<void>;
}

export interface FakeGatewayOptions {
  /** Whether the agent answers each caller turn (default true). */
  readonly answers?: boolean;
}

/**
 * The gateway's raw protocol as the simulator sees it on `/voice/dial/<ticket>`: tickets in
 * `accepted` are admitted, others refused 404 NOT_FOUND before the handshake; the agent greets,
 * answers each caller turn (end of turn after 300 ms of silence) and ends the call on `end_call`.
 */
export class FakeGateway {
  readonly calls: FakeGatewayCall[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: Server,
    readonly accepted: Set<string>,
    private readonly options: FakeGatewayOptions,
  ) {
    server.on('upgrade', (request, socket, head) => {
      const ticket = /^\/voice\/dial\/([^/?]+)$/.exec(request.url ?? '')?.[1] ?? '';
      if (!this.accepted.delete(ticket)) {
        const body = JSON.stringify({ code: 'NOT_FOUND', message: 'no call waits for this dial ticket' });
        socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onCall(ws, ticket));
    });
  }

  static async start(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeGateway(server, new Set(), options);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private onCall(ws: WebSocket, ticket: string): void {
    let silentRun = Infinity;
    let burstStart = -1;
    const call: FakeGatewayCall = {
      ticket,
      bursts: [],
      greetingEndedAtFrame: -1,
      framesReceived: 0,
      badFrames: 0,
      endCallReceived: false,
      closed: new Promise((resolve) => ws.once('close', () => resolve())),
    };
    this.calls.push(call);
    this.speak(ws, 200, () => (call.greetingEndedAtFrame = call.framesReceived));
    ws.on('message', (data: RawData, isBinary) => {
      if (!isBinary) return this.onText(ws, call, data.toString());
      const frame = data as Buffer;
      const index = call.framesReceived++;
      if (frame.byteLength !== FRAME_BYTES) call.badFrames++;
      if (isSpeech(frame)) {
        if (burstStart < 0) burstStart = index;
        silentRun = 0;
      } else if (++silentRun === END_OF_TURN_FRAMES && burstStart >= 0) {
        call.bursts.push([burstStart, index - END_OF_TURN_FRAMES]);
        burstStart = -1;
        if (this.options.answers ?? true) this.speak(ws, 300);
      }
    });
  }

  private onText(ws: WebSocket, call: FakeGatewayCall, text: string): void {
    if ((JSON.parse(text) as { type: string }).type !== 'end_call') return;
    call.endCallReceived = true;
    ws.send(JSON.stringify({ type: 'call_end', reason: 'CLIENT_ENDED' }));
    ws.close(1000, 'call ended');
  }

  /** One agent utterance: audio_start, `ms` of (silent) audio, audio_end. */
  private speak(ws: WebSocket, ms: number, ended?: () => void): void {
    ws.send(JSON.stringify({ type: 'audio_start' }));
    ws.send(Buffer.alloc(FRAME_BYTES), { binary: true });
    setTimeout(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      ws.send(JSON.stringify({ type: 'audio_end' }));
      ended?.();
    }, ms);
  }
}

function isSpeech(frame: Buffer): boolean {
  for (let i = 0; i + 1 < frame.byteLength; i += 2) if (Math.abs(frame.readInt16LE(i)) > SPEECH_LEVEL) return true;
  return false;
}
