import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { slice } from '@parley/db-dialer';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { loadConfig } from '../src/config';
import { DialerModule } from '../src/dialer.module';
import { silentLogger } from './support/dialer-harness';

describe('dialer app against real NATS and Postgres', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let bus: Bus;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    const namespace = uniqueNamespace('dialer_app');
    const env = { PORT: '0', DATABASE_URL: database.url, BUS_NAMESPACE: namespace, TELEPHONY_PROVIDER: 'none' };
    const config = loadConfig({ ...process.env, ...env });
    app = await createServiceApp({ name: 'dialer', module: DialerModule.forRoot(config, silentLogger), logger: silentLogger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'dialer-app-spec', namespace });
  });

  afterAll(async () => {
    await bus?.drain();
    await app?.close();
    await database?.drop();
  });

  it('is ready once NATS and Postgres answer', async () => {
    const res = await fetch(`${base}/readyz`);
    await expect(res.json()).resolves.toEqual({ status: 'ready', checks: { nats: 'ok', postgres: 'ok' } });
  });

  it('serves the task RPCs and, with TELEPHONY_PROVIDER=none, fails an executed task with the reason', async () => {
    const orgId = '6a1c3f0e-0000-4000-8000-0000000000a1';
    const agentId = '6a1c3f0e-0000-4000-8000-0000000000a2';
    const task = await bus.request(
      rpcSubjects.dialerTaskCreate,
      { orgId, agentId, fields: { name: 'Call', toNumber: '+14155550100' } },
      { timeoutMs: 15_000 },
    );
    const { callId } = await bus.request(rpcSubjects.dialerTaskExecute, { orgId, taskId: task.id }, { timeoutMs: 15_000 });
    const after = await bus.request(rpcSubjects.dialerTaskGet, { orgId, taskId: task.id }, { timeoutMs: 15_000 });
    expect(after).toMatchObject({ status: 'failed', callId, lastError: expect.stringContaining('no telephony provider') });
  });
});
