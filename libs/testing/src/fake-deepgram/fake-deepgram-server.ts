import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { waitFor } from '../wait-for';

/** What one live connection asked for, from its URL and headers. */
export interface FakeDeepgramConnection {
  readonly query: URLSearchParams;
  readonly authorization?: string;
  /** Audio bytes received so far. */
  audioBytes: number;
  /** Control messages received, in order (`KeepAlive`, `Finalize`, `CloseStream`). */
  readonly controls: string[];
}

const BYTES_PER_SECOND = 16_000 * 2;
const MODEL_INFO = { name: 'general-nova-3', version: '2026-01-01', arch: 'nova-3' };

/**
 * A Deepgram live transcription server (`wss://api.deepgram.com/v1/listen`) on a random local port,
 * speaking its documented protocol: the key in `Authorization: Token <key>` (a wrong one is refused
 * with HTTP 401 before the upgrade), binary linear16 audio in, JSON `Results` messages out — interim
 * ones (`is_final: false`) as audio arrives, and on `{"type":"Finalize"}` a final one with
 * `is_final`, `speech_final` and `from_finalize` set — `KeepAlive` accepted, and on
 * `{"type":"CloseStream"}` a `Metadata` message, then close 1000.
 *
 * It recognises nothing: each utterance is transcribed as the next text queued with `say()` (words
 * revealed as interims in proportion to the audio received), or as silence when none is queued.
 */
export class FakeDeepgramServer {
  readonly connections: FakeDeepgramConnection[] = [];
  private readonly transcripts: string[] = [];
  private refuseStatus: number | undefined;
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: Server,
    private readonly apiKey: string,
  ) {
    server.on('upgrade', (req, socket, head) => {
      if (this.refuseStatus || req.headers.authorization !== `Token ${apiKey}` || !req.url?.startsWith('/v1/listen')) {
        const status = this.refuseStatus ?? (req.url?.startsWith('/v1/listen') ? 401 : 404);
        socket.end(`HTTP/1.1 ${status} Refused\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials."}`);
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, req));
    });
  }

  static async start(options: { apiKey?: string } = {}): Promise<FakeDeepgramServer> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeDeepgramServer(server, options.apiKey ?? 'dg-fake-key');
  }

  /** The SDK's `baseUrl`. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues what the next utterances "said". */
  say(...texts: string[]): void {
    this.transcripts.push(...texts);
  }

  /** Refuses new connections with this HTTP status (429 for a rate limit), until `accept()`. */
  refuse(status: number): void {
    this.refuseStatus = status;
  }

  accept(): void {
    this.refuseStatus = undefined;
  }

  /** Resolves once `count` connections have opened: a client connects asynchronously. */
  connected(count: number, timeoutMs = 5_000): Promise<void> {
    return waitFor(() => this.connections.length >= count, timeoutMs, `${count} Deepgram connections`);
  }

  /** Drops every open connection as a network failure would (close 1011, Deepgram's NET-0001). */
  dropAll(): void {
    for (const ws of this.wss.clients) ws.close(1011, 'NET-0001');
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private serve(ws: WebSocket, req: IncomingMessage): void {
    const connection: FakeDeepgramConnection = {
      query: new URL(req.url ?? '/', 'http://localhost').searchParams,
      authorization: req.headers.authorization,
      audioBytes: 0,
      controls: [],
    };
    this.connections.push(connection);
    const requestId = randomUUID();
    const interims = connection.query.get('interim_results') === 'true';
    let utteranceStartBytes = 0;
    let text: string | undefined;
    let revealed = 0;

    const results = (transcript: string, final: boolean, fromFinalize: boolean) => {
      const start = utteranceStartBytes / BYTES_PER_SECOND;
      const duration = (connection.audioBytes - utteranceStartBytes) / BYTES_PER_SECOND;
      const words = transcript ? transcript.split(' ') : [];
      ws.send(
        JSON.stringify({
          type: 'Results',
          channel_index: [0, 1],
          duration,
          start,
          is_final: final,
          speech_final: final,
          from_finalize: fromFinalize,
          channel: {
            alternatives: [
              {
                transcript,
                confidence: words.length ? 0.98 : 0,
                words: words.map((word, i) => ({
                  word: word.toLowerCase(),
                  start: start + (duration * i) / words.length,
                  end: start + (duration * (i + 1)) / words.length,
                  confidence: 0.98,
                  punctuated_word: word,
                })),
              },
            ],
          },
          metadata: { request_id: requestId, model_info: MODEL_INFO, model_uuid: randomUUID() },
        }),
      );
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        connection.audioBytes += (data as Buffer).length;
        text ??= this.transcripts.shift() ?? '';
        const words = text ? text.split(' ') : [];
        // One more word every 300 ms of audio, as a streaming recogniser firms up its guess.
        const due = Math.min(words.length, Math.floor((connection.audioBytes - utteranceStartBytes) / (0.3 * BYTES_PER_SECOND)));
        if (interims && due > revealed) {
          revealed = due;
          results(words.slice(0, due).join(' '), false, false);
        }
        return;
      }
      const message = JSON.parse(data.toString()) as { type: string };
      connection.controls.push(message.type);
      if (message.type === 'Finalize') {
        results(text ?? '', true, true);
        utteranceStartBytes = connection.audioBytes;
        text = undefined;
        revealed = 0;
      } else if (message.type === 'CloseStream') {
        const duration = connection.audioBytes / BYTES_PER_SECOND;
        ws.send(JSON.stringify({ type: 'Metadata', transaction_key: 'deprecated', request_id: requestId, sha256: '', created: new Date().toISOString(), duration, channels: 1, models: [randomUUID()], model_info: {} }));
        ws.close(1000);
      }
    });
  }
}
