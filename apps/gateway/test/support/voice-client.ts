import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

export type UpgradeResult =
  | { readonly status: 101; readonly socket: WebSocket }
  | { readonly status: number; readonly headers: IncomingMessage['headers']; readonly body: unknown };

/** Opens a WebSocket the way a telephony platform does and reports what the server answered. */
export function upgrade(baseUrl: string, path: string): Promise<UpgradeResult> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl}${path}`);
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
    });
    socket.once('error', reject);
  });
}

/** The refusal body, or a failure naming what came instead. */
export function refusalOf(result: UpgradeResult): { status: number; body: unknown } {
  if (!('body' in result)) {
    result.socket.close();
    throw new Error('expected a refused upgrade, but the WebSocket opened');
  }
  return { status: result.status, body: result.body };
}

/** Closes the socket and waits for the close to complete on both sides. */
export function hangUp(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.close(1000);
  });
}

/** Resolves once `probe` returns true, polling every 20 ms; rejects after `timeoutMs`. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
