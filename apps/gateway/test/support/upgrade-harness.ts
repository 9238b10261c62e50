import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { createPrismaClient as createAgentsClient, slice as agentsSlice } from '@parley/db-agents';
import { createPrismaClient as createBillingClient, slice as billingSlice } from '@parley/db-billing';
import { createPrismaClient as createIdentityClient, slice as identitySlice } from '@parley/db-identity';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { BalanceGetRpc } from '../../../billing/src/balance/balance-get.rpc';
import { BalanceRepository } from '../../../billing/src/balance/balance.repository';
import { BalanceService } from '../../../billing/src/balance/balance.service';
import { InvalidationEvents } from '../../../rest-api/src/identity/invalidation-events.publisher';
import { KeyResolveRepository } from '../../../rest-api/src/identity/key-resolve.repository';
import { KeyResolveRpc } from '../../../rest-api/src/identity/key-resolve.rpc';
import { KeyResolveService } from '../../../rest-api/src/identity/key-resolve.service';
import { loadConfig } from '../../src/config';
import { GatewayModule } from '../../src/gateway.module';
import { KeyCache } from '../../src/upgrade/key-cache';
import { SeedRows, type SliceClients } from './seed-rows';

export const RPC_TIMEOUT_MS = 300;

/**
 * The gateway module on port 0 with rest-api's key-resolve and billing's balance handlers
 * running in-process on the same bus namespace, over a fresh database with the three slices.
 */
export async function startUpgradeHarness() {
  const infra = await testInfra();
  const database = await createTestDatabase([identitySlice, agentsSlice, billingSlice]);
  const db: SliceClients = {
    identity: createIdentityClient(database.url),
    agents: createAgentsClient(database.url),
    billing: createBillingClient(database.url),
  };
  const namespace = uniqueNamespace('voice_upgrade');
  const redisPrefix = `${namespace}:`;
  // The services' bus logs each injected handler failure; the assertions cover them.
  const logger = createLogger({ service: 'upgrade-test-services', level: 'silent' });
  const bus = await Bus.connect({ url: infra.natsUrl, name: 'upgrade-test-services', namespace, logger });

  const keyResolve = new KeyResolveService(new KeyResolveRepository(db.identity, db.agents));
  const balance = new BalanceService(new BalanceRepository(db.billing));
  new KeyResolveRpc(bus, keyResolve).onModuleInit();
  new BalanceGetRpc(bus, balance).onModuleInit();
  const invalidation = new InvalidationEvents(bus);

  const app = await startGateway({ natsUrl: infra.natsUrl, redisUrl: infra.redisUrl, namespace, redisPrefix });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const redis = new Redis(infra.redisUrl);

  return {
    baseUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    db,
    seed: new SeedRows(db),
    redis,
    redisPrefix,
    keyResolve,
    balance,
    invalidation,
    keyCache: app.get(KeyCache),
    async stop() {
      await app.close();
      await bus.drain();
      await redis.quit();
      await Promise.all([db.identity.$disconnect(), db.agents.$disconnect(), db.billing.$disconnect()]);
      await database.drop();
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
