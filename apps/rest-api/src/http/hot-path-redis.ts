import type { OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import type { Redis } from 'ioredis';

/**
 * The Redis connection of every API request's path (the rate-limit check, the list versions),
 * auto-pipelined: the commands of concurrent requests leave in one write and come back in one
 * read, instead of a round trip (and two system calls) each. A connection of its own, so the
 * pipelining never delays other commands. It reconnects on its own; one warning per outage, one
 * line on recovery.
 */
export class HotPathRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(shared: Redis, log: Logger) {
    this.client = shared.duplicate({ enableAutoPipelining: true, connectionName: 'rest-api-hot-path' });
    let failing = false;
    this.client.on('error', (err: Error) => {
      if (!failing) log.warn({ err }, 'hot-path redis connection failed');
      failing = true;
    });
    this.client.on('ready', () => {
      if (failing) log.info('hot-path redis connection restored');
      failing = false;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
