import http from 'node:http';
import https from 'node:https';
import type { ResolvedTarget } from './target-guard';

/**
 * Keep-alive pools: their sockets are keyed by the checked address (and SNI), so reuse never
 * reaches an address the guard did not approve.
 */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export interface SendOptions {
  readonly timeoutMs: number;
  /** The response body is read up to this many bytes, then the connection is dropped. */
  readonly maxResponseBytes: number;
}

/** How the receiver answered (any status), or why there was no answer. */
export type SendResult =
  | { readonly ok: true; readonly status: number; readonly latencyMs: number }
  | { readonly ok: false; readonly error: string; readonly latencyMs: number };

/**
 * POSTs `body` to the resolved address, never to a second DNS answer: the socket connects to
 * `target.address`, while `Host` and TLS SNI (and so certificate checks) name the URL's host.
 * One deadline covers connect, upload and the response.
 */
export function sendWebhook(
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const { url } = target;
  const secure = url.protocol === 'https:';
  const transport = secure ? https : http;
  return new Promise((resolve) => {
    const request = transport.request({
      host: target.address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { ...headers, host: url.host, 'content-length': Buffer.byteLength(body) },
      ...(secure ? { servername: url.hostname.replace(/^\[|\]$/g, '') } : {}),
      agent: secure ? agents.https : agents.http,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      readCapped(response, options.maxResponseBytes, () => resolve({ ok: true, status, latencyMs: elapsed() }));
    });
    request.once('error', (err) => resolve({ ok: false, error: describeError(err, options.timeoutMs), latencyMs: elapsed() }));
    request.end(body);
  });
}

/** Drains the response up to `maxBytes`; a longer one is cut off, since only the status matters. */
function readCapped(response: http.IncomingMessage, maxBytes: number, done: () => void): void {
  let read = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  response.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > maxBytes) {
      response.destroy();
      finish();
    }
  });
  response.once('end', finish);
  response.once('close', finish);
  response.once('error', finish);
}

function describeError(err: Error, timeoutMs: number): string {
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return `no response within ${timeoutMs} ms`;
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `${code}: ${err.message}` : err.message;
}
