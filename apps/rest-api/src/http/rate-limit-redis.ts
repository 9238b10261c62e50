import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * The rate limiter's own Redis connection, auto-pipelined: the limit checks of concurrent
 * requests leave in one write and come back in one read, instead of a round trip (and two
 * system calls) each. A connection of its own, so the pipelining never delays other commands.
 */
export class RateLimitRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(shared: Redis) {
    this.client = shared.duplicate({ enableAutoPipelining: true, connectionName: 'rest-api-rate-limit' });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
