import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake: text (streamed in `chunks` or word by word), tool calls, or an HTTP error. */
export interface FakeOpenAiReply {
  readonly text?: string;
  /** The deltas to stream, in order; `text` split after each space when absent. */
  readonly chunks?: readonly string[];
  readonly toolCalls?: readonly { readonly name: string; readonly arguments: Record<string, unknown> }[];
  readonly usage?: { readonly promptTokens: number; readonly completionTokens: number };
  /** Answer with this HTTP status and an OpenAI error body instead. */
  readonly status?: number;
  /** Wait before the response starts (the model "thinking"). */
  readonly delayMs?: number;
  /** Wait between streamed chunks. */
  readonly chunkDelayMs?: number;
}

/** What the fake received: the parsed JSON body of each chat completion request. */
export interface FakeOpenAiRequest {
  readonly body: {
    readonly model: string;
    readonly stream?: boolean;
    readonly messages: readonly { role: string; content?: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
    readonly tools?: readonly { type: string; function: { name: string } }[];
    readonly [key: string]: unknown;
  };
  readonly authorization?: string;
}

/** What the fake received on `POST /v1/embeddings`. */
export interface FakeEmbeddingsRequest {
  readonly model: string;
  readonly input: string | readonly string[];
  readonly encoding_format?: 'float' | 'base64';
  readonly [key: string]: unknown;
}

export const FAKE_EMBEDDING_DIMENSIONS = 64;

/** Bag of words hashed into buckets: deterministic, and texts sharing words have a high cosine. */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    const bucket = (hash >>> 0) % FAKE_EMBEDDING_DIMENSIONS;
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  return vector;
}

const ERROR_TYPES: Record<number, string> = { 401: 'invalid_request_error', 429: 'rate_limit_exceeded', 500: 'server_error' };

/**
 * An OpenAI-compatible chat completions server on a random local port, speaking the wire format of
 * `POST /v1/chat/completions`: a JSON completion, or with `stream: true` server-sent events of
 * `chat.completion.chunk` objects (content deltas, tool-call deltas with fragments of their
 * arguments, `finish_reason`, a usage chunk when `stream_options.include_usage`), then
 * `data: [DONE]`. Errors come as `{error: {message, type, param, code}}` with their status.
 * Unscripted requests are answered "You said: <last user message>".
 */
export class FakeOpenAiServer {
  readonly requests: FakeOpenAiRequest[] = [];
  /** Bodies of `POST /v1/embeddings` requests, in order. */
  readonly embeddingRequests: FakeEmbeddingsRequest[] = [];
  /** Statuses to answer the next embeddings requests with instead of vectors (e.g. 500). */
  readonly embeddingFailures: number[] = [];
  /** Streams the client abandoned before they were complete (cancellation). */
  abandonedStreams = 0;
  private readonly script: FakeOpenAiReply[] = [];
  private completions = 0;

  private constructor(
    private readonly server: Server,
    private readonly apiKey: string,
  ) {
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(options: { apiKey?: string } = {}): Promise<FakeOpenAiServer> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeOpenAiServer(server, options.apiKey ?? 'sk-fake-openai');
  }

  /** The SDK's `baseURL`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Queues answers for the next requests, in order. */
  reply(...replies: FakeOpenAiReply[]): void {
    this.script.push(...replies);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = Buffer.concat(await req.toArray()).toString('utf8');
    if (req.method === 'POST' && req.url === '/v1/embeddings') return this.embeddings(req, res, raw);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendError(res, 404, `Unknown request URL: ${req.method} ${req.url}`, 'unknown_url');
    }
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    const body = JSON.parse(raw) as FakeOpenAiRequest['body'];
    this.requests.push({ body, authorization: req.headers.authorization });
    const reply = this.script.shift() ?? { text: `You said: ${lastUserMessage(body)}.` };
    if (reply.delayMs) await sleep(reply.delayMs);
    if (reply.status) return sendError(res, reply.status, `scripted failure ${reply.status}`, null);
    const id = `chatcmpl-fake${++this.completions}`;
    if (body.stream) return this.stream(req, res, id, body, reply);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(completion(id, body.model, reply)));
  }

  /**
   * `POST /v1/embeddings`: one vector per input, `FAKE_EMBEDDING_DIMENSIONS` long, from the input's
   * words hashed into buckets (texts sharing words point the same way), as floats or, with
   * `encoding_format: "base64"` (the SDK's default), as base64 of little-endian float32s.
   */
  private embeddings(req: IncomingMessage, res: ServerResponse, raw: string): void {
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    const body = JSON.parse(raw) as FakeEmbeddingsRequest;
    this.embeddingRequests.push(body);
    const failure = this.embeddingFailures.shift();
    if (failure) return sendError(res, failure, `scripted failure ${failure}`, null);
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const data = inputs.map((input, index) => {
      const vector = fakeEmbedding(String(input));
      const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const tokens = inputs.reduce((sum, input) => sum + splitWords(String(input)).length, 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } }));
  }

  private async stream(req: IncomingMessage, res: ServerResponse, id: string, body: FakeOpenAiRequest['body'], reply: FakeOpenAiReply) {
    let abandoned = false;
    res.on('close', () => (abandoned = !res.writableFinished));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
    const send = (choices: unknown[], extra: object = {}) => res.write(`data: ${JSON.stringify({ ...base, choices, ...extra })}\n\n`);
    send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    for (const content of reply.chunks ?? splitWords(reply.text ?? '')) {
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (abandoned) {
        this.abandonedStreams++;
        return;
      }
      send([{ index: 0, delta: { content }, finish_reason: null }]);
    }
    for (const [index, call] of (reply.toolCalls ?? []).entries()) {
      const args = JSON.stringify(call.arguments);
      const half = Math.ceil(args.length / 2);
      const fn = { name: call.name, arguments: args.slice(0, half) };
      send([{ index: 0, delta: { tool_calls: [{ index, id: `call_${id}_${index}`, type: 'function', function: fn }] }, finish_reason: null }]);
      send([{ index: 0, delta: { tool_calls: [{ index, function: { arguments: args.slice(half) } }] }, finish_reason: null }]);
    }
    send([{ index: 0, delta: {}, finish_reason: reply.toolCalls?.length ? 'tool_calls' : 'stop' }]);
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) send([], { usage: usage(reply) });
    res.end('data: [DONE]\n\n');
    req.resume();
  }
}

function completion(id: string, model: string, reply: FakeOpenAiReply) {
  const toolCalls = reply.toolCalls?.map((call, index) => ({
    id: `call_${id}_${index}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.text ?? null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls?.length ? 'tool_calls' : 'stop',
      },
    ],
    usage: usage(reply),
  };
}

function usage(reply: FakeOpenAiReply) {
  const prompt = reply.usage?.promptTokens ?? 10;
  const completionTokens = reply.usage?.completionTokens ?? splitWords(reply.text ?? '').length;
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

function sendError(res: ServerResponse, status: number, message: string, code: string | null): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: ERROR_TYPES[status] ?? 'api_error', param: null, code } }));
}

function lastUserMessage(body: FakeOpenAiRequest['body']): string {
  return [...body.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
}

/** "a b c" → ["a ", "b ", "c"]: deltas that join back to the text. */
function splitWords(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
