import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { ALL_STREAMS } from '@parley/contracts';
import { createPrismaClient, slice, type WebhooksClient } from '@parley/db-webhooks';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { loadConfig } from '../../src/config';
import { WebhooksModule } from '../../src/webhooks.module';

export const silentLogger = createLogger({
  service: 'webhooks-test',
  level: (process.env['TEST_LOG_LEVEL'] as 'silent' | undefined) ?? 'silent',
});

/** Fast settings for specs: a short timeout and a retry schedule in tens of milliseconds. */
export const FAST_ENV = {
  WEBHOOKS_TIMEOUT_MS: '2000',
  WEBHOOKS_RETRY_SCHEDULE_MS: '100,200,400',
  WEBHOOKS_RETRY_JITTER_PERCENT: '10',
  WEBHOOKS_POLL_INTERVAL_MS: '50',
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1,localhost',
};

export interface WebhooksHarness {
  readonly database: TestDatabase;
  readonly db: WebhooksClient;
  readonly bus: Bus;
  readonly namespace: string;
  /** Env for another instance (in-process or spawned) on the same database and bus. */
  readonly env: Record<string, string>;
  app: INestApplication;
  /** Starts one more webhooks instance on the same database and bus. */
  startInstance(): Promise<INestApplication>;
  close(): Promise<void>;
}

/** The whole webhooks app on a fresh database and a namespaced bus, plus a client bus and Prisma. */
export async function startWebhooks(name: string, overrides: Record<string, string> = {}): Promise<WebhooksHarness> {
  const database = await createTestDatabase([slice]);
  const namespace = uniqueNamespace(name);
  const env = { PORT: '0', DATABASE_URL: database.url, BUS_NAMESPACE: namespace, ...FAST_ENV, ...overrides };
  const instances: INestApplication[] = [];
  const startInstance = async () => {
    const config = loadConfig({ ...process.env, ...env });
    const app = await createServiceApp({ name: 'webhooks', module: WebhooksModule.forRoot(config, silentLogger), logger: silentLogger });
    await app.init();
    instances.push(app);
    return app;
  };
  const app = await startInstance();
  const bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: `${name}-client`, namespace });
  const db = createPrismaClient(database.url);
  return {
    database,
    db,
    bus,
    namespace,
    env,
    app,
    startInstance,
    close: async () => {
      for (const instance of instances) await instance.close().catch(() => undefined);
      await bus.removeStreams(ALL_STREAMS).catch(() => undefined);
      await bus.drain();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Re-reads `read` until `done` accepts it: delivery state lives in Postgres, which pushes no events. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
