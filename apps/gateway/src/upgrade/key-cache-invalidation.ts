import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import { KeyCache } from './key-cache';

/**
 * Drops cached key resolutions when rest-api reports a revoked key or a changed agent. The
 * cache lives in Redis and is shared, so one gateway applying an event is enough: all
 * gateways share one durable consumer per stream, and JetStream redelivers whatever a
 * gateway took but did not finish, also across restarts.
 */
@Injectable()
export class KeyCacheInvalidation implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(KeyCache) private readonly cache: KeyCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.identity, 'gateway-key-cache', async (event) => {
      if (event.subject === eventSubjects.keyRevoked) await this.cache.dropKey(event.payload.keyHash);
    });
    await this.bus.consume(streams.agents, 'gateway-key-cache', async (event) => {
      if (event.subject === eventSubjects.agentChanged) await this.cache.dropAgent(event.payload.agentId);
    });
  }
}
