import type { RawData, WebSocket } from 'ws';

/** RFC 6455 normal close, and the application codes the live sockets use (4000-4999). */
export const CLOSE_NORMAL = 1000;
export const CLOSE_UNAUTHORIZED = 4001;
export const CLOSE_NOT_FOUND = 4004;

export function sendJson(socket: WebSocket, message: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** A client text frame as JSON, or undefined when it is not JSON. */
export function parseFrame(data: RawData): unknown {
  try {
    return JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Reference 002's keepalive: `{"type":"ping"}` is answered with `{"type":"pong"}`. */
export function isPing(frame: unknown): boolean {
  return typeof frame === 'object' && frame !== null && (frame as { type?: unknown }).type === 'ping';
}

export function pong(): object {
  return { type: 'pong', timestamp: new Date().toISOString() };
}
