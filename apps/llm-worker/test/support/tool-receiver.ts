import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a custom tool's URL received. */
export interface ToolRequest {
  readonly headers: IncomingHttpHeaders;
  /** The raw body, what the signature covers. */
  readonly body: string;
}

/** How the receiver answers: status, body and content type, optionally late (a hang). */
export interface ToolAnswer {
  readonly status?: number;
  readonly body?: string;
  readonly contentType?: string;
  readonly delayMs?: number;
}

/** A customer's tool endpoint on a local port: records every request and answers as told. */
export class ToolReceiver {
  readonly received: ToolRequest[] = [];
  private answer: (request: ToolRequest) => ToolAnswer = () => ({ body: '{"ok":true}' });

  private constructor(private readonly server: Server) {
    server.on('request', (req, res) => {
      void (async () => {
        const request = { headers: req.headers, body: Buffer.concat(await req.toArray()).toString('utf8') };
        this.received.push(request);
        const answer = this.answer(request);
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'application/json' });
        res.end(answer.body ?? '');
      })();
    });
  }

  static async start(): Promise<ToolReceiver> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new ToolReceiver(server);
  }

  url(path = '/tool'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  respond(answer: (request: ToolRequest) => ToolAnswer): void {
    this.answer = answer;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
