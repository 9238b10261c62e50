import { Bus } from '@parley/bus';
import { createLogger } from '@parley/logging';
import type { Redis } from 'ioredis';
import { busCheck, postgresCheck, redisCheck } from '../src/readiness/checks';
import { createRedisClient } from '../src/redis/redis.module';
import { infra, maintenanceDatabaseUrl } from './infra';

const silent = createLogger({ service: 'spec', level: 'silent' });

describe('readiness checks against real servers', () => {
  describe('redisCheck', () => {
    let redis: Redis;
    afterEach(() => redis.disconnect());

    it('passes while Redis answers PING', async () => {
      redis = createRedisClient({ url: infra.REDIS_URL, connectionName: 'spec' }, silent);
      await new Promise((resolve) => redis.once('ready', resolve));
      await expect(redisCheck(redis).check()).resolves.toBeUndefined();
    });

    it('fails at once, saying why, while the client cannot connect', async () => {
      redis = createRedisClient({ url: 'redis://127.0.0.1:1', connectionName: 'spec' }, silent);
      const started = performance.now();
      await expect(redisCheck(redis).check()).rejects.toThrow(/redis connection is (connecting|reconnecting)/);
      expect(performance.now() - started).toBeLessThan(100);
    });
  });

  describe('postgresCheck', () => {
    it('passes while Postgres answers SELECT 1, and stops once closed', async () => {
      const check = postgresCheck(maintenanceDatabaseUrl(infra.DATABASE_URL));
      await expect(check.check()).resolves.toBeUndefined();
      await check.close?.();
      await expect(check.check()).rejects.toThrow(/end on the pool/);
    });

    it('fails with the server reason when the database does not exist', async () => {
      const url = new URL(infra.DATABASE_URL);
      url.pathname = '/parley_no_such_database';
      const check = postgresCheck(url.toString());
      try {
        await expect(check.check()).rejects.toThrow('database "parley_no_such_database" does not exist');
      } finally {
        await check.close?.();
      }
    });
  });

  describe('busCheck', () => {
    it('passes while NATS answers a ping, and fails once the bus has drained', async () => {
      const bus = await Bus.connect({ url: infra.NATS_URL, name: 'spec', logger: silent });
      await expect(busCheck(bus).check()).resolves.toBeUndefined();
      await bus.drain();
      await expect(busCheck(bus).check()).rejects.toThrow();
    });
  });
});
