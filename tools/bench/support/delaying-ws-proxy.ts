import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, WebSocket, WebSocketServer } from 'ws';

/**
 * A WebSocket relay in front of a vendor's fake that holds back the messages `delayed` picks, by
 * `delayMs` (later messages queue behind them, so order is kept): a recogniser's time to its final
 * transcript, which the fake Deepgram server answers at once. The URL and headers pass unchanged.
 */
export class DelayingWsProxy {
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
    private readonly delayMs: number,
    private readonly delayed: (text: string) => boolean,
  ) {
    server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (client) => this.relay(client, req)));
  }

  static async start(upstream: string, delayMs: number, delayed: (text: string) => boolean): Promise<DelayingWsProxy> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new DelayingWsProxy(server, upstream, delayMs, delayed);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: WebSocket, req: IncomingMessage): void {
    const headers = { authorization: req.headers.authorization ?? '' };
    const vendor = new WebSocket(`${this.upstream}${req.url ?? '/'}`, { headers });
    const early: Array<{ data: RawData; binary: boolean }> = [];
    let toClient: Promise<void> = Promise.resolve();
    client.on('message', (data, binary) => (vendor.readyState === WebSocket.OPEN ? vendor.send(data, { binary }) : early.push({ data, binary })));
    vendor.on('open', () => early.splice(0).forEach(({ data, binary }) => vendor.send(data, { binary })));
    vendor.on('message', (data, binary) => {
      const hold = !binary && this.delayed(data.toString());
      toClient = toClient
        .then(() => (hold ? new Promise<void>((resolve) => setTimeout(resolve, this.delayMs)) : undefined))
        .then(() => {
          if (client.readyState === WebSocket.OPEN) client.send(data, { binary });
        });
    });
    const closeBoth = (code: number) => {
      void toClient.then(() => {
        if (client.readyState === WebSocket.OPEN) client.close(code === 1005 ? 1000 : code);
        if (vendor.readyState === WebSocket.OPEN) vendor.close();
      });
    };
    vendor.on('close', (code) => closeBoth(code));
    vendor.on('error', () => closeBoth(1011));
    client.on('close', () => vendor.readyState === WebSocket.OPEN && vendor.close());
  }
}
