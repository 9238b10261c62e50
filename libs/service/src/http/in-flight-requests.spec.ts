import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { HttpRequest, HttpResponse } from './http-types';
import { InFlightRequests } from './in-flight-requests';

/** A server whose handler answers only when the test lets it. */
function heldServer(inFlight: InFlightRequests, handle: (res: ServerResponse) => void) {
  const middleware = inFlight.middleware();
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    middleware(req as HttpRequest, res as HttpResponse, () => handle(res));
  });
  return { server, requests };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends a GET and gives it up as soon as the server has it. */
async function abandonedGet(port: number, arrived: () => boolean): Promise<void> {
  const req = request({ port, host: '127.0.0.1', path: '/' });
  req.on('error', () => undefined);
  req.end();
  while (!arrived()) await new Promise((resolve) => setTimeout(resolve, 5));
  req.destroy();
}

async function isDrained(inFlight: InFlightRequests): Promise<boolean> {
  let drained = false;
  void inFlight.drained().then(() => (drained = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return drained;
}

describe('InFlightRequests', () => {
  let server: Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  it('is drained at once when nothing is in flight', async () => {
    expect(await isDrained(new InFlightRequests())).toBe(true);
  });

  it('counts a request its client gave up on until the handler answers', async () => {
    const inFlight = new InFlightRequests();
    let answer: (() => void) | undefined;
    const held = heldServer(inFlight, (res) => (answer = () => res.end('late')));
    server = held.server;
    const port = await listen(server);

    await abandonedGet(port, () => answer !== undefined);
    await new Promise((resolve) => held.requests[0].socket.once('close', resolve));
    expect(await isDrained(inFlight)).toBe(false); // the handler still runs

    answer?.();
    expect(await isDrained(inFlight)).toBe(true);
  });

  it('lets go of a streamed answer when its client goes away', async () => {
    const inFlight = new InFlightRequests();
    const body = new PassThrough();
    let streaming = false;
    const held = heldServer(inFlight, (res) => {
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.flushHeaders();
      body.pipe(res);
      body.write(Buffer.alloc(1024));
      streaming = true;
    });
    server = held.server;
    const port = await listen(server);

    await abandonedGet(port, () => streaming);
    await new Promise((resolve) => held.requests[0].socket.once('close', resolve));
    expect(await isDrained(inFlight)).toBe(true); // the stream never ends; the answer had been handed over
  });
});
