import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { Bus } from '@parley/bus';
import { ALL_STREAMS, eventSubjects, rpcSubjects, streams } from '@parley/contracts';
import { createPrismaClient, slice, type WebhooksClient } from '@parley/db-webhooks';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace, WebhookReceiver } from '@parley/testing';
import { callStarted } from './support/events';
import { eventually, FAST_ENV } from './support/webhooks-harness';

const ROOT = path.resolve(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The webhooks service exactly as production runs it. */
async function startProcess(env: Record<string, string>): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/webhooks/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`webhooks exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((res) => res.ok, () => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('webhooks not ready within 60 s');
}

function stopped(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('webhooks process killed mid-delivery', () => {
  let database: TestDatabase;
  let db: WebhooksClient;
  let bus: Bus;
  let receiver: WebhookReceiver;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    const namespace = uniqueNamespace('webhooks_kill');
    env = { ...FAST_ENV, DATABASE_URL: database.url, BUS_NAMESPACE: namespace, WEBHOOKS_RETRY_SCHEDULE_MS: '200,400,800,1600,3200,6400' };
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'webhooks-kill-spec', namespace });
    await bus.ensureStreams([streams.call]);
    receiver = await WebhookReceiver.start(() => ({ status: 200, delayMs: 1_000 }));
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(stopped));
    await receiver?.close();
    await bus?.removeStreams(ALL_STREAMS).catch(() => undefined);
    await bus?.drain();
    await db?.$disconnect();
    await database?.drop();
  });

  it('loses no event to a SIGKILL, and a repeated attempt carries the same idempotency id', async () => {
    const first = await startProcess(env);
    children.push(first);
    const orgId = randomUUID();
    await bus.request(rpcSubjects.webhookCreate, { orgId, url: receiver.url() }, { timeoutMs: 15_000 });
    const events = Array.from({ length: 30 }, () => callStarted(orgId));
    for (const event of events) await bus.publishEvent(eventSubjects.callStarted, event, { msgId: event.callId });

    // Requests are in flight (the receiver answers after a second): kill the sender now.
    await receiver.waitForCount(5, 30_000);
    first.kill('SIGKILL');
    await stopped(first);
    receiver.respond(() => ({ status: 200 }));
    children.push(await startProcess(env));

    await eventually(() => db.delivery.count({ where: { orgId, status: 'delivered' } }), (n) => n === 30, 60_000);
    const idsByCall = new Map<string, Set<string>>();
    for (const request of receiver.received) {
      const callId = (JSON.parse(request.body) as { data: { call_id: string } }).data.call_id;
      idsByCall.set(callId, (idsByCall.get(callId) ?? new Set()).add(String(request.headers['x-webhook-id'])));
    }
    expect(new Set(idsByCall.keys())).toEqual(new Set(events.map((e) => e.callId)));
    for (const ids of idsByCall.values()) expect(ids.size).toBe(1);
    // The attempts cut off by the kill were sent again: proof the kill landed mid-delivery.
    expect(receiver.received.length).toBeGreaterThan(30);
  }, 180_000);
});
