import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Bus } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import { type BillingClient, createPrismaClient, slice } from '@parley/db-billing';
import { createLogger } from '@parley/logging';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { freePort } from './infra';
import { eventually, usageEvent } from './support/billing-app';

const ROOT = path.resolve(__dirname, '../../..');
const EVENTS = 5_000;

/** billing exactly as in production, as a child process. */
function spawnBilling(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/billing/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
}

async function ready(port: number, child: ChildProcess): Promise<void> {
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error('billing exited early');
      return fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    },
    90_000,
    'billing ready',
  );
}

describe('billing killed with SIGKILL mid-stream', () => {
  let database: TestDatabase;
  let db: BillingClient;
  let bus: Bus;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const infra = await testInfra();
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    const namespace = uniqueNamespace('billing_kill');
    bus = await Bus.connect({ url: infra.natsUrl, name: 'billing-kill-spec', namespace, logger: createLogger({ service: 'spec', level: 'silent' }) });
    await bus.ensureStreams([streams.metering, streams.call, streams.billing]);
    env = { DATABASE_URL: database.url, NATS_URL: infra.natsUrl, REDIS_URL: infra.redisUrl, BUS_NAMESPACE: namespace };
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await bus?.removeStreams([streams.metering, streams.call, streams.billing]);
    await bus?.drain();
    await db?.$disconnect();
    await database?.drop();
  });

  async function start(): Promise<ChildProcess> {
    const port = await freePort();
    const child = spawnBilling({ ...env, PORT: String(port) });
    children.push(child);
    await ready(port, child);
    return child;
  }

  it('charges every usage event exactly once after a restart', async () => {
    const orgId = randomUUID();
    const calls = Array.from({ length: 20 }, () => randomUUID());
    await db.account.create({ data: { orgId, balancePoints: 1_000_000n } });
    // The whole stream is stored first, so the billing started next has work in hand when it dies.
    for (let i = 0; i < EVENTS; i += 500) {
      const batch = Array.from({ length: Math.min(500, EVENTS - i) }, (_, j) => {
        const callId = calls[(i + j) % calls.length];
        const seq = Math.floor((i + j) / calls.length);
        return bus.publishEvent(eventSubjects.usageRecorded, usageEvent({ callId, orgId, seq }), { msgId: `${callId}:${seq}` });
      });
      await Promise.all(batch);
    }
    const first = await start();
    // Killed while it is still working through the stream.
    await eventually(async () => (await db.usageEvent.count({ where: { orgId } })) > 0, 30_000, 'first debits');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeRestart = await db.usageEvent.count({ where: { orgId } });
    expect(beforeRestart).toBeLessThan(EVENTS);

    await start();
    await eventually(async () => (await db.usageEvent.count({ where: { orgId } })) === EVENTS, 60_000, 'all debits');

    const account = await db.account.findUniqueOrThrow({ where: { orgId } });
    expect(account.balancePoints).toBe(BigInt(1_000_000 - EVENTS));
    expect(await db.ledgerEntry.count({ where: { orgId, kind: 'debit' } })).toBe(EVENTS);
    const meters = await db.callMeter.findMany({ where: { orgId } });
    expect(meters.reduce((sum, m) => sum + m.seconds, 0)).toBe(EVENTS);
  }, 240_000);
});
