/**
 * Usage events per second the billing service settles, run by hand (needs Postgres and NATS):
 *   node -r @swc-node/register tools/bench/billing.ts [--events 20000] [--calls 500] [--json]
 * Stores --events usage events of --calls concurrent calls in the METERING stream first (a
 * backlog, as after a burst of calls), then starts the real billing service as a process on a
 * fresh database and a namespaced bus, and times it from ready to the last event debited (each
 * one a ledger entry, balances updated, the call's meter summed). Target: 5,000 events/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Bus } from '@parley/bus';
import { eventSubjects, streams, type UsageRecordedEvent } from '@parley/contracts';
import { createPrismaClient, slice } from '@parley/db-billing';
import { createTestDatabase, uniqueNamespace } from '@parley/testing';
import { parseBenchArgs } from './support/bench-args';
import { NATS_URL } from './support/infra-urls';
import { fmt, printTable, verdict } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/billing.ts [options]

  --events N    usage events to settle (default 20000)
  --calls N     calls they belong to, spread over 10 organizations (default 500)
  --json        print the figures as one JSON document
  --help        this text`;

const ROOT = path.resolve(__dirname, '../..');
const TARGET_PER_S = 5_000;
const ORGS = 10;

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, { events: { type: 'string' }, calls: { type: 'string' } });
  const events = args.int('events', 20_000, 1);
  const calls = Array.from({ length: args.int('calls', 500, 1) }, () => randomUUID());
  const orgs = Array.from({ length: ORGS }, () => randomUUID());
  const database = await createTestDatabase([slice]);
  const db = createPrismaClient(database.url);
  const namespace = uniqueNamespace('bench_billing');
  const bus = await Bus.connect({ url: NATS_URL, name: 'bench-billing', namespace });
  let service: ChildProcess | undefined;
  try {
    await bus.ensureStreams([streams.metering, streams.call, streams.billing]);
    await db.account.createMany({ data: orgs.map((orgId) => ({ orgId, balancePoints: 1_000_000_000n })) });
    await publishBacklog(bus, events, calls, orgs);
    const port = await freePort();
    service = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/billing/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, BUS_NAMESPACE: namespace, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    await waitReady(port);
    const startedAt = performance.now();
    while ((await db.usageEvent.count()) < events) await sleep(50);
    const seconds = (performance.now() - startedAt) / 1000;
    const entries = await db.ledgerEntry.count({ where: { kind: 'debit' } });
    report(args.json, { events, calls: calls.length, seconds, perSecond: events / seconds, entries });
  } finally {
    service?.kill('SIGTERM');
    await bus.removeStreams([streams.metering, streams.call, streams.billing]).catch(() => undefined);
    await bus.drain();
    await db.$disconnect();
    await database.drop();
  }
}

/** Each call's events in sequence, the calls interleaved, 500 publishes in flight. */
async function publishBacklog(bus: Bus, count: number, calls: string[], orgs: string[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
      const n = i + j;
      const callId = calls[n % calls.length];
      const event: UsageRecordedEvent = {
        callId,
        orgId: orgs[n % calls.length % orgs.length],
        agentId: 'bench-agent',
        seq: Math.floor(n / calls.length),
        startedAt: at,
        providers: { stt: 'pocketsphinx', llm: 'local', llmModel: 'default', tts: 'flite' },
        seconds: 1,
        sttAudioMs: 1000,
        llmInputTokens: 20,
        llmOutputTokens: 10,
        ttsCharacters: 40,
        at,
      };
      return bus.publishEvent(eventSubjects.usageRecorded, event, { msgId: `usage:${callId}:${event.seq}` });
    });
    await Promise.all(batch);
  }
}

async function waitReady(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error('billing not ready within 120 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Figures {
  events: number;
  calls: number;
  seconds: number;
  perSecond: number;
  entries: number;
}

function report(json: boolean, f: Figures): void {
  if (json) return void console.log(JSON.stringify(f));
  printTable(
    ['events', 'calls', 'seconds', 'settled/s', 'ledger entries', `target ≥ ${TARGET_PER_S}/s`],
    [[fmt(f.events), fmt(f.calls), fmt(f.seconds, 2), fmt(f.perSecond), fmt(f.entries), verdict(TARGET_PER_S, f.perSecond)]],
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
