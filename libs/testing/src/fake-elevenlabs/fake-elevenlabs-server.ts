import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { speechBytes } from './fake-speech';

/** What one text-to-speech request carried. */
export interface FakeElevenLabsRequest {
  readonly voiceId: string;
  readonly query: URLSearchParams;
  readonly apiKey?: string;
  readonly body: {
    readonly text?: string;
    readonly model_id?: string;
    readonly voice_settings?: {
      readonly stability?: number;
      readonly similarity_boost?: number;
      readonly style?: number;
      readonly use_speaker_boost?: boolean;
      readonly speed?: number;
    };
    readonly [key: string]: unknown;
  };
  /** `performance.now()` on arrival. */
  readonly at: number;
}

/** How the next request fails: an HTTP error, a connection cut after some audio, or a long silence first. */
export interface FakeElevenLabsFailure {
  readonly status?: number;
  readonly abortAfterBytes?: number;
  readonly stallMs?: number;
}

export interface FakeElevenLabsOptions {
  readonly apiKey?: string;
  /** From the request to the first audio byte (ElevenLabs' time to first byte); default 0. */
  readonly firstByteDelayMs?: number;
  /** Bytes per streamed chunk; odd by default, so samples straddle chunks as they do on the real wire. */
  readonly chunkBytes?: number;
  /** Pause between chunks; default 5 ms (the real service streams faster than real time). */
  readonly chunkIntervalMs?: number;
}

const STREAM_PATH = /^\/v1\/text-to-speech\/([^/?]+)\/stream$/;
const ERROR_DETAIL: Record<number, { status: string; message: string }> = {
  400: { status: 'invalid_request', message: 'The request is invalid.' },
  401: { status: 'invalid_api_key', message: 'Invalid API key' },
  403: { status: 'missing_permissions', message: 'The API key lacks the text_to_speech permission.' },
  404: { status: 'voice_not_found', message: 'A voice with the voice_id was not found.' },
  429: { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests for your subscription.' },
  500: { status: 'internal_server_error', message: 'An internal error occurred.' },
  503: { status: 'service_unavailable', message: 'The service is temporarily unavailable.' },
};

/**
 * An ElevenLabs text-to-speech server on a random local port, speaking the documented wire format of
 * `POST /v1/text-to-speech/{voice_id}/stream`: the key in `xi-api-key` (401 `invalid_api_key`
 * otherwise), a JSON body with `text`, `model_id` and `voice_settings`, `output_format` in the query
 * (only `pcm_16000` is produced), and the audio as raw PCM16LE in a chunked response. Errors carry
 * `{detail: {status, message}}`, or for a 422 FastAPI's `{detail: [{loc, msg, type}]}`.
 *
 * The audio is real speech of the text (flite) or a tone when flite is missing; delays and failures
 * are set by the test or the bench.
 */
export class FakeElevenLabsServer {
  readonly requests: FakeElevenLabsRequest[] = [];
  /** Streams the client cancelled before their end. */
  abandonedStreams = 0;
  completedStreams = 0;
  firstByteDelayMs: number;
  private readonly failures: FakeElevenLabsFailure[] = [];

  private constructor(
    private readonly server: Server,
    private readonly apiKey: string,
    private readonly options: FakeElevenLabsOptions,
  ) {
    this.firstByteDelayMs = options.firstByteDelayMs ?? 0;
    server.on('request', (req, res) => void this.handle(req, res).catch(() => res.destroy()));
  }

  static async start(options: FakeElevenLabsOptions = {}): Promise<FakeElevenLabsServer> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeElevenLabsServer(server, options.apiKey ?? 'xi-fake-key', options);
  }

  /** The SDK's `baseUrl`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next requests fail this way, one failure each, in order. */
  failNext(...failures: FakeElevenLabsFailure[]): void {
    this.failures.push(...failures);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = Buffer.concat(await req.toArray()).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const voiceId = STREAM_PATH.exec(url.pathname)?.[1];
    if (req.method !== 'POST' || !voiceId) return sendJson(res, 404, { detail: 'Not Found' });
    const apiKey = req.headers['xi-api-key'] as string | undefined;
    const body = parseBody(raw);
    this.requests.push({ voiceId: decodeURIComponent(voiceId), query: url.searchParams, apiKey, body, at: performance.now() });
    if (apiKey !== this.apiKey) return sendError(res, 401);
    if (typeof body.text !== 'string' || body.text.trim() === '') {
      return sendJson(res, 422, { detail: [{ loc: ['body', 'text'], msg: 'Field required', type: 'missing' }] });
    }
    if (url.searchParams.get('output_format') !== 'pcm_16000') {
      return sendJson(res, 400, { detail: { status: 'invalid_output_format', message: 'This server streams pcm_16000 only.' } });
    }
    const failure = this.failures.shift() ?? {};
    const audio = speechBytes(body.text);
    await sleep(failure.stallMs ?? this.firstByteDelayMs);
    if (failure.status) return sendError(res, failure.status);
    await this.stream(res, await audio, body.text.length, failure.abortAfterBytes);
  }

  private async stream(res: ServerResponse, audio: Buffer, characters: number, abortAfterBytes?: number): Promise<void> {
    let abandoned = false;
    res.on('close', () => (abandoned = !res.writableFinished));
    res.writeHead(200, { 'content-type': 'audio/pcm', 'request-id': randomUUID(), 'x-character-count': String(characters) });
    const size = this.options.chunkBytes ?? 3_201;
    for (let at = 0; at < audio.length; at += size) {
      if (abandoned) {
        this.abandonedStreams++;
        return;
      }
      if (abortAfterBytes !== undefined && at >= abortAfterBytes) {
        res.socket?.destroy();
        return;
      }
      res.write(audio.subarray(at, at + size));
      await sleep(this.options.chunkIntervalMs ?? 5);
    }
    res.end();
    this.completedStreams++;
  }
}

function parseBody(raw: string): FakeElevenLabsRequest['body'] {
  try {
    return JSON.parse(raw) as FakeElevenLabsRequest['body'];
  } catch {
    return {};
  }
}

function sendError(res: ServerResponse, status: number): void {
  if (status === 422) return sendJson(res, 422, { detail: [{ loc: ['body', 'text'], msg: 'Invalid text', type: 'value_error' }] });
  sendJson(res, status, { detail: ERROR_DETAIL[status] ?? { status: 'error', message: `scripted failure ${status}` } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Unref'd: a request still waiting when a test ends must not keep its process alive. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
