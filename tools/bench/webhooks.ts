/**
 * Webhook delivery throughput and latency, run by hand (needs only Postgres and NATS):
 *   node -r @swc-node/register tools/bench/webhooks.ts [--events 5000] [--rate 500] [--seconds 10] [--json]
 * Starts the real webhooks service as a process on a fresh database and a namespaced bus, with a
 * fast local receiver (200 at once) as the one endpoint. Two phases, after a warm-up:
 *   burst  publishes --events call.started facts as fast as JetStream takes them; deliveries/s is
 *          events over (last delivery - first publish);
 *   paced  publishes --rate events per second for --seconds; enqueue-to-delivery latency is the
 *          receiver's arrival time minus the publish time, per event.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Bus } from '@parley/bus';
import { ALL_STREAMS, eventSubjects, rpcSubjects, streams } from '@parley/contracts';
import { createPrismaClient, slice } from '@parley/db-webhooks';
import { createTestDatabase, uniqueNamespace, WebhookReceiver } from '@parley/testing';
import { parseBenchArgs } from './support/bench-args';
import { NATS_URL } from './support/infra-urls';
import { distribution } from './support/stats';
import { fmt, printTable } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/webhooks.ts [options]

  --events N    events in the burst phase (default 5000)
  --rate N      events per second in the paced phase (default 500)
  --seconds N   length of the paced phase (default 10)
  --json        print the figures as one JSON document
  --help        this text`;

const ROOT = path.resolve(__dirname, '../..');

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    events: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
  });
  const database = await createTestDatabase([slice]);
  const namespace = uniqueNamespace('bench_webhooks');
  const bus = await Bus.connect({ url: NATS_URL, name: 'bench-webhooks', namespace });
  await bus.ensureStreams([streams.call]);
  const receiver = await WebhookReceiver.start();
  const service = await startService({ DATABASE_URL: database.url, BUS_NAMESPACE: namespace });
  try {
    const orgId = randomUUID();
    await bus.request(rpcSubjects.webhookCreate, { orgId, url: receiver.url() }, { timeoutMs: 15_000 });
    const publishedAt = new Map<string, number>();
    const publish = async () => {
      const callId = randomUUID();
      publishedAt.set(callId, performance.timeOrigin + performance.now());
      await bus.publishEvent(
        eventSubjects.callStarted,
        { callId, orgId, agentId: orgId, keyId: orgId, direction: 'inbound', channel: 'raw', startedAt: new Date().toISOString() },
        { msgId: callId },
      );
    };
    await burst(receiver, publish, 200);
    const burstFigures = await burst(receiver, publish, args.int('events', 5000, 1));
    const pacedFigures = await paced(receiver, publish, args.int('rate', 500, 1), args.int('seconds', 10, 1), publishedAt);
    report(args.json, burstFigures, pacedFigures);
  } catch (err) {
    await explainMissing(database.url);
    throw err;
  } finally {
    service.kill('SIGTERM');
    await receiver.close();
    await bus.removeStreams(ALL_STREAMS).catch(() => undefined);
    await bus.drain();
    await database.drop();
  }
}

/** Publishes `count` events 100 at a time and waits for all of them to arrive. */
async function burst(receiver: WebhookReceiver, publish: () => Promise<void>, count: number) {
  const before = receiver.received.length;
  const start = performance.timeOrigin + performance.now();
  for (let sent = 0; sent < count; sent += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - sent) }, publish));
  }
  await receiver.waitForCount(before + count, 300_000);
  const last = Math.max(...receiver.received.slice(before).map((r) => r.receivedAt));
  return { events: count, seconds: (last - start) / 1000, perSecond: count / ((last - start) / 1000) };
}

/** Publishes `rate` events per second for `seconds` and measures each one's enqueue-to-delivery time. */
async function paced(
  receiver: WebhookReceiver,
  publish: () => Promise<void>,
  rate: number,
  seconds: number,
  publishedAt: Map<string, number>,
) {
  const before = receiver.received.length;
  const count = rate * seconds;
  const tickMs = 10;
  const perTick = rate / (1000 / tickMs);
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - start) / tickMs + 1) * perTick));
    const batch = [];
    for (; sent < due; sent++) batch.push(publish());
    await Promise.all(batch);
    await sleep(tickMs);
  }
  await receiver.waitForCount(before + count, 120_000);
  const latencies = receiver.received.slice(before).map((r) => {
    const callId = (JSON.parse(r.body) as { data: { call_id: string } }).data.call_id;
    return r.receivedAt - (publishedAt.get(callId) ?? Number.NaN);
  });
  return { rate, seconds, latency: distribution(latencies) };
}

function report(
  json: boolean,
  burstFigures: Awaited<ReturnType<typeof burst>>,
  pacedFigures: Awaited<ReturnType<typeof paced>>,
) {
  if (json) {
    console.log(JSON.stringify({ burst: burstFigures, paced: pacedFigures }, null, 2));
    return;
  }
  printTable(
    ['phase', 'events', 'deliveries/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    [
      ['burst', String(burstFigures.events), fmt(burstFigures.perSecond, 0), '', '', '', ''],
      [
        `paced ${pacedFigures.rate}/s`,
        String(pacedFigures.latency.count),
        '',
        fmt(pacedFigures.latency.p50, 1),
        fmt(pacedFigures.latency.p95, 1),
        fmt(pacedFigures.latency.p99, 1),
        fmt(pacedFigures.latency.max, 1),
      ],
    ],
  );
}

/** When deliveries are missing, what the log says about them. */
async function explainMissing(databaseUrl: string) {
  const db = createPrismaClient(databaseUrl);
  const undelivered = await db.delivery.findMany({
    where: { status: { not: 'delivered' } },
    select: { status: true, attempts: true, lastError: true, nextAttemptAt: true },
    take: 20,
  });
  console.error({ total: await db.delivery.count(), undelivered }, 'deliveries not delivered');
  await db.$disconnect();
}

async function startService(env: Record<string, string>): Promise<ChildProcess> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/webhooks/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let waited = 0; waited < 90_000; waited += 250) {
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((res) => res.ok, () => false)) return child;
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error('webhooks service not ready within 90 s');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
