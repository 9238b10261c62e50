import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the receiver got, as it arrived. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  /** The raw body: what a signature is computed over. */
  readonly body: string;
  readonly path: string;
  readonly receivedAt: number;
}

/** How to answer a request: a status, optionally after a delay (longer than the sender's timeout: a hang). */
export interface ReceiverReply {
  readonly status: number;
  readonly delayMs?: number;
}

export type ReceiverBehaviour = (request: ReceivedWebhook, index: number) => ReceiverReply;

/**
 * A real HTTP receiver on a local port for webhook specs: records every request, answers as
 * `behave` says (200 by default), can go down (connections refused) and come back on the same
 * port, and lets a spec await requests instead of sleeping.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private behave: ReceiverBehaviour = () => ({ status: 200 });
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  private constructor(private port: number) {}

  static async start(behave?: ReceiverBehaviour): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0);
    if (behave) receiver.behave = behave;
    await receiver.up();
    return receiver;
  }

  /** `http://127.0.0.1:<port><path>` */
  url(path = '/hooks'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Changes how later requests are answered. */
  respond(behave: ReceiverBehaviour): void {
    this.behave = behave;
  }

  /** Resolves once `predicate` holds over what was received (checked on every request). */
  waitFor(predicate: (received: readonly ReceivedWebhook[]) => boolean, timeoutMs = 20_000): Promise<void> {
    if (predicate(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.received)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`receiver: condition not met within ${timeoutMs} ms (${this.received.length} received)`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Resolves once at least `count` requests have arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor((received) => received.length >= count, timeoutMs);
  }

  /** Stops listening and cuts open connections: the next attempt is refused. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again, on the same port once it has had one. */
  up(): Promise<void> {
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => this.record({ headers: req.headers, body, path: req.url ?? '/', receivedAt: Date.now() }, res));
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return this.down();
  }

  /** Recorded on arrival (a request answered too late still arrived), answered as told. */
  private record(request: ReceivedWebhook, res: ServerResponse): void {
    const reply = this.behave(request, this.received.length);
    this.received.push(request);
    for (const waiter of [...this.waiters]) waiter();
    const answer = () => {
      if (!res.destroyed) res.writeHead(reply.status, { 'content-type': 'text/plain' }).end('ok');
    };
    if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
    else answer();
  }
}
