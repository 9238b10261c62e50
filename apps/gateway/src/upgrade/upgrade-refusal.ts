import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorCode, httpStatusOf } from '@parley/contracts';

export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * Answers an upgrade request with a plain HTTP error on the raw socket, before any WebSocket
 * handshake: `{code, message}` as reference 003 documents, then the connection closes.
 */
export function writeRefusal(socket: Duplex, refusal: Refusal): void {
  const status = httpStatusOf(refusal.code);
  const body = JSON.stringify({ code: refusal.code, message: refusal.message });
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}
