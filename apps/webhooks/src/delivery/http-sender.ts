import http from 'node:http';
import https from 'node:https';
import { type OutboundTarget, pinnedRequestOptions, readCappedBody } from '@parley/service';

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
  target: OutboundTarget,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const secure = target.url.protocol === 'https:';
  const transport = secure ? https : http;
  return new Promise((resolve) => {
    const request = transport.request({
      ...pinnedRequestOptions(target, headers, body),
      agent: secure ? agents.https : agents.http,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      const answered = () => resolve({ ok: true, status, latencyMs: elapsed() });
      // Only the status matters: a long or broken body still counts as the receiver's answer.
      readCappedBody(response, options.maxResponseBytes).then(answered, answered);
    });
    request.once('error', (err) => resolve({ ok: false, error: describeError(err, options.timeoutMs), latencyMs: elapsed() }));
    request.end(body);
  });
}

function describeError(err: Error, timeoutMs: number): string {
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return `no response within ${timeoutMs} ms`;
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `${code}: ${err.message}` : err.message;
}
