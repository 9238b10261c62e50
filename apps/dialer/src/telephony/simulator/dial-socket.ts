import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';

/** How long a refusal's body may take to arrive; it is only read for the error message. */
const REFUSAL_BODY_MS = 2_000;

/**
 * Opens the raw-protocol socket on the gateway; rejects with the gateway's refusal (status and
 * error code, e.g. `404 NOT_FOUND`) or the connection error, so the task fails with a reason.
 */
export function openDialSocket(url: string, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    // Stays until open: a socket error with no listener would take the dialer down.
    const failed = (error: Error) => reject(new Error(`cannot reach the gateway: ${error.message}`, { cause: error }));
    socket.on('error', failed);
    socket.once('open', () => {
      socket.off('error', failed);
      resolve(socket);
    });
    socket.once('unexpected-response', (_request, response) => {
      void refusal(response).then((message) => {
        reject(new Error(message));
        socket.terminate();
      });
    });
  });
}

async function refusal(response: IncomingMessage): Promise<string> {
  const body = await readBody(response);
  let code = '';
  try {
    const parsed = JSON.parse(body) as { code?: unknown; error?: { code?: unknown } };
    const found = parsed.code ?? parsed.error?.code;
    if (typeof found === 'string') code = ` ${found}`;
  } catch {
    // not JSON: the status says enough
  }
  return `the gateway refused the call: ${response.statusCode ?? 'no status'}${code}`;
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    const timer = setTimeout(() => resolve(body), REFUSAL_BODY_MS);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk.slice(0, 4_096)));
    response.once('end', () => {
      clearTimeout(timer);
      resolve(body);
    });
    response.once('error', () => resolve(body));
  });
}
