import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config';
import { GatewayModule } from '../../src/gateway.module';
import { KeyCache } from '../../src/upgrade/key-cache';
import { FakeBilling } from './fake-billing';
import { FakeIdentity, type FakeKey } from './fake-identity';

export const RPC_TIMEOUT_MS = 300;

/**
 * The gateway module on port 0, with fake identity and billing responders on the same bus
 * namespace. The real rest-api and billing handlers are covered by their own specs and by
 * e2e/voice; here only the gateway's side of the contracts is under test.
 */
export async function startUpgradeHarness() {
  const infra = await testInfra();
  const namespace = uniqueNamespace('voice_upgrade');
  const redisPrefix = `${namespace}:`;
  // The bus logs each injected handler failure; the assertions cover them.
  const logger = createLogger({ service: 'upgrade-test-fakes', level: 'silent' });
  const bus = await Bus.connect({ url: infra.natsUrl, name: 'upgrade-test-fakes', namespace, logger });
  const identity = new FakeIdentity();
  const billing = new FakeBilling();
  identity.serve(bus);
  billing.serve(bus);

  const app = await startGateway({ natsUrl: infra.natsUrl, redisUrl: infra.redisUrl, namespace, redisPrefix });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const redis = new Redis(infra.redisUrl);

  return {
    baseUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    bus,
    identity,
    billing,
    redis,
    redisPrefix,
    keyCache: app.get(KeyCache),
    /** An active key bound to an agent of an org with points: the happy path. */
    boundKey(options: { limit?: number; points?: number } = {}): FakeKey {
      const key = identity.addKey({ limit: options.limit });
      billing.setBalance(key.orgId, options.points ?? 1000);
      return key;
    },
    async stop() {
      await app.close();
      await bus.drain();
      await redis.quit();
    },
  };
}

export type UpgradeHarness = Awaited<ReturnType<typeof startUpgradeHarness>>;

async function startGateway(env: { natsUrl: string; redisUrl: string; namespace: string; redisPrefix: string }) {
  const config = loadConfig({
    PORT: '0',
    NATS_URL: env.natsUrl,
    REDIS_URL: env.redisUrl,
    BUS_NAMESPACE: env.namespace,
    GATEWAY_REDIS_PREFIX: env.redisPrefix,
    GATEWAY_RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
  });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  const app: INestApplication = await createServiceApp({
    name: 'gateway',
    module: GatewayModule.forRoot(config, logger),
    logger,
  });
  await app.listen(0, '127.0.0.1');
  return app;
}
