import type { IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { OutboundTarget } from './outbound-target';

/**
 * Options for `http(s).request` that connect to the address the guard checked, never to a second
 * DNS answer, while `Host` and TLS SNI (and so certificate checks) name the URL's host.
 */
export function pinnedRequestOptions(target: OutboundTarget, headers: Record<string, string>, body: string): RequestOptions {
  const { url } = target;
  const secure = url.protocol === 'https:';
  return {
    host: target.address,
    family: target.family,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    headers: { ...headers, host: url.host, 'content-length': Buffer.byteLength(body) },
    ...(secure ? { servername: url.hostname.replace(/^\[|\]$/g, '') } : {}),
  };
}

/**
 * Reads a response body up to `maxBytes`; at the cap the connection is dropped and what was read
 * so far is the answer, so a receiver cannot make the platform buffer without end.
 */
export function readCappedBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let read = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve(Buffer.concat(chunks));
    };
    response.on('data', (chunk: Buffer) => {
      const room = maxBytes - read;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      read += chunk.length;
      if (read >= maxBytes) {
        response.destroy();
        finish();
      }
    });
    response.once('end', finish);
    response.once('close', finish);
    response.once('error', (err) => {
      if (!finished) reject(err);
      finished = true;
    });
  });
}
