import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { Redis } from 'ioredis';
import { redisCheck } from '../readiness/checks';
import { readinessCheckProvider } from '../readiness/readiness-check.provider';
import { LOGGER } from '../tokens';

export interface RedisOptions {
  readonly url: string;
  /** Shown by `CLIENT LIST`, so an operator sees which service holds a connection. */
  readonly connectionName: string;
}

/**
 * One ioredis client for the app, injected as `Redis`, checked by `/readyz` and closed once
 * HTTP has stopped (so in-flight requests can still use it).
 */
@Module({})
export class RedisModule implements OnApplicationShutdown {
  static forRoot(options: RedisOptions): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        { provide: Redis, inject: [LOGGER], useFactory: (logger: Logger) => createRedisClient(options, logger) },
        readinessCheckProvider(redisCheck, [Redis]),
      ],
      exports: [Redis],
    };
  }

  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'ready') {
      // Not connected: no replies are owed, and stopping the reconnect timer is all there is.
      this.redis.disconnect();
      return;
    }
    // QUIT waits for replies still owed; the socket closes a moment after its OK.
    const ended = new Promise((resolve) => this.redis.once('end', resolve));
    await this.redis.quit();
    await ended;
  }
}

/**
 * ioredis reconnects on its own and emits `error` on every failed attempt; one warning per
 * outage and one line on recovery say the same without flooding the log.
 */
export function createRedisClient(options: RedisOptions, logger: Logger): Redis {
  const redis = new Redis(options.url, { connectionName: options.connectionName });
  let failing = false;
  redis.on('error', (err: Error) => {
    if (!failing) logger.warn({ err }, 'redis connection failed');
    failing = true;
  });
  redis.on('ready', () => {
    if (failing) logger.info('redis connection restored');
    failing = false;
  });
  return redis;
}
