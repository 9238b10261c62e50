import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** One Media Streams socket the fake accepted: the path Twilio dialed and the events it sent. */
export interface GatewayStream {
  readonly path: string;
  readonly events: { event: string; [field: string]: unknown }[];
}

/**
 * Stands in for the gateway in the dialer's Twilio specs: accepts Twilio's Media Streams socket
 * on any path, records what arrives, and ends the call (closes the socket) `holdMs` after the
 * `start` message, as the gateway does when the conversation is over.
 */
export class FakeGateway {
  readonly streams: GatewayStream[] = [];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly holdMs: number,
  ) {
    wss.on('connection', (ws, req) => {
      const stream: GatewayStream = { path: req.url ?? '', events: [] };
      this.streams.push(stream);
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as GatewayStream['events'][number];
        stream.events.push(message);
        if (message.event === 'start') setTimeout(() => ws.close(1000, 'call over'), this.holdMs).unref();
      });
    });
  }

  static async start(holdMs = 200): Promise<FakeGateway> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeGateway(server, wss, holdMs);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
