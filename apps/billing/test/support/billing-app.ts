import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type UsageRecordedEvent, streams } from '@parley/contracts';
import { type BillingClient, createPrismaClient, slice } from '@parley/db-billing';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { BillingModule } from '../../src/billing.module';
import { specConfig } from '../infra';

/** The billing app in-process on a fresh database and its own bus namespace, and a client bus beside it. */
export async function startBillingApp(overrides: Record<string, string> = {}) {
  const database: TestDatabase = await createTestDatabase([slice]);
  const config = specConfig({ DATABASE_URL: database.url, BILLING_USAGE_CONCURRENCY: '16', ...overrides });
  const logger = createLogger({ service: 'billing', level: 'silent' });
  const app: INestApplication = await createServiceApp({ name: 'billing', module: BillingModule.forRoot(config, logger), logger });
  await app.listen(0, '127.0.0.1');
  const bus = await Bus.connect({ url: config.NATS_URL, name: 'billing-spec', namespace: config.BUS_NAMESPACE, logger });
  const db: BillingClient = createPrismaClient(database.url);
  return {
    app,
    bus,
    db,
    namespace: config.BUS_NAMESPACE ?? '',
    databaseUrl: database.url,
    async stop() {
      await app.close();
      await bus.removeStreams(Object.values(streams));
      await bus.drain();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** A usage event of an all-embedded call (1 point per second by the default rate card). */
export function usageEvent(fields: Partial<UsageRecordedEvent> & Pick<UsageRecordedEvent, 'callId' | 'orgId' | 'seq'>) {
  const now = new Date().toISOString();
  return {
    agentId: 'agent-1',
    startedAt: now,
    providers: { stt: 'pocketsphinx', llm: 'local', llmModel: 'default', tts: 'flite' },
    seconds: 1,
    sttAudioMs: 1000,
    llmInputTokens: 0,
    llmOutputTokens: 0,
    ttsCharacters: 0,
    at: now,
    ...fields,
  } satisfies UsageRecordedEvent;
}

/** Resolves when `check` resolves truthy, polling every 25 ms; rejects after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
