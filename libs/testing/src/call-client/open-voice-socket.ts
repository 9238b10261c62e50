import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { VoiceUpgradeRefusedError, parseRefusalBody } from './upgrade-refused.error';

/** A refusal body larger than this is cut: it is an error description, not content. */
const MAX_REFUSAL_BODY_BYTES = 16 * 1024;

/**
 * Opens the voice WebSocket as a telephony platform does: no extensions (audio does not
 * compress, and a deflate queue would hold frames back), no custom headers. Rejects with
 * VoiceUpgradeRefusedError when the server answers the upgrade with an HTTP status, or with the
 * socket error (e.g. ECONNREFUSED) when nothing answers.
 *
 * `onOpen` runs inside the 'open' event: frames that came with the 101 response are emitted
 * on the next tick, before any promise continuation, so listeners attached after an await
 * would miss the first server messages.
 */
export function openVoiceSocket<T>(url: string, timeoutMs: number, onOpen: (socket: WebSocket) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    socket.once('open', () => settle(() => resolve(onOpen(socket))));
    // After a refusal the aborted handshake still emits an error; only the first outcome counts.
    socket.on('error', (error) => settle(() => reject(error)));
    socket.once('unexpected-response', (request, response) => {
      readBody(response).then(
        (rawBody) => settle(() => reject(new VoiceUpgradeRefusedError(response.statusCode ?? 0, parseRefusalBody(rawBody), rawBody))),
        (error: unknown) => settle(() => reject(error)),
      );
      response.once('close', () => request.destroy());
    });
  });
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    response.on('data', (chunk: Buffer) => {
      if (bytes < MAX_REFUSAL_BODY_BYTES) chunks.push(chunk);
      bytes += chunk.byteLength;
    });
    response.once('end', () => resolve(Buffer.concat(chunks).subarray(0, MAX_REFUSAL_BODY_BYTES).toString('utf8')));
    response.once('error', reject);
  });
}
