import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { FRAME_BYTES, bytesToSamples, dbfs } from '@parley/audio';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

/** A refused key: the status and the raw body sent with it. */
export interface FakeRefusal {
  status: number;
  body: string;
}

export interface FakeVoiceServerOptions {
  refusals?: Record<string, FakeRefusal>;
  /** Silent caller frames after speech that end a caller turn. */
  endpointingFrames?: number;
  /** Frames of tone in the greeting; 0 for none. */
  greetingFrames?: number;
}

/** What one connection received from the client. */
export interface FakeCall {
  readonly socket: WebSocket;
  /** performance.now() of each binary frame's arrival. */
  readonly frameArrivals: number[];
  readonly frameSizes: number[];
  /** Whether each binary frame held sound (above -50 dBFS). */
  readonly frameVoiced: boolean[];
  readonly textFrames: string[];
}

const TONE = Buffer.alloc(FRAME_BYTES, 0x40); // every sample 0x4040: loud, clearly not silence

/**
 * A tiny voice server for the client's specs, speaking reference 000/003: refuses listed keys with
 * their HTTP status and JSON body, greets, and answers each caller turn (speech followed by
 * `endpointingFrames` of silence) with audio_start, the caller's speech echoed back, audio_end and
 * a user transcript. `end_call` gets call_end and a close.
 */
export class FakeVoiceServer {
  readonly calls: FakeCall[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly http: Server,
    private readonly options: FakeVoiceServerOptions,
  ) {
    http.on('upgrade', (request, socket, head) => this.onUpgrade(request, socket, head));
  }

  static async start(options: FakeVoiceServerOptions = {}): Promise<FakeVoiceServer> {
    const http = createServer((_request, response) => response.writeHead(426).end());
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return new FakeVoiceServer(http, options);
  }

  url(key: string): string {
    return `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}/voice/${key}`;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const key = (request.url ?? '').replace(/^\/voice\//, '');
    const refusal = this.options.refusals?.[key];
    if (refusal) {
      const headers = `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(refusal.body)}\r\nConnection: close`;
      socket.end(`HTTP/1.1 ${refusal.status} Refused\r\n${headers}\r\n\r\n${refusal.body}`);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onCall(ws));
  }

  private onCall(socket: WebSocket): void {
    const call: FakeCall = { socket, frameArrivals: [], frameSizes: [], frameVoiced: [], textFrames: [] };
    this.calls.push(call);
    this.speak(socket, Array<Buffer>(this.options.greetingFrames ?? 0).fill(TONE), { role: 'assistant', text: 'Hello' });
    const speech: Buffer[] = [];
    let silentRun = 0;
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = data as Buffer;
      if (!isBinary) return this.onText(call, bytes.toString('utf8'));
      call.frameArrivals.push(performance.now());
      call.frameSizes.push(bytes.byteLength);
      const voiced = dbfs(bytesToSamples(bytes)) > -50;
      call.frameVoiced.push(voiced);
      if (voiced) {
        speech.push(Buffer.from(bytes));
        silentRun = 0;
      } else if (speech.length > 0 && ++silentRun === (this.options.endpointingFrames ?? 10)) {
        const heard = speech.splice(0);
        this.speak(socket, heard, { role: 'user', text: `heard ${heard.length} frames` });
      }
    });
  }

  private onText(call: FakeCall, text: string): void {
    call.textFrames.push(text);
    if (text.includes('"end_call"')) {
      call.socket.send(JSON.stringify({ type: 'call_end', reason: 'CLIENT_ENDED' }));
      call.socket.close(1000, 'CLIENT_ENDED');
    }
  }

  private speak(socket: WebSocket, frames: Buffer[], transcript: { role: string; text: string }): void {
    if (frames.length === 0) return;
    socket.send(JSON.stringify({ type: 'audio_start' }));
    for (const frame of frames) socket.send(frame, { binary: true });
    socket.send(JSON.stringify({ type: 'audio_end' }));
    socket.send(JSON.stringify({ type: 'transcript', ...transcript }));
  }
}
