import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventSubjects, streams, voiceSubjects } from '@parley/contracts';
import { Bus, BusModule } from '../src';
import { connectBus, NATS_URL, sleep, uniqueNamespace, waitFor } from './support/bus-fixture';

@Injectable()
class Notifier {
  constructor(@Inject(Bus) readonly bus: Bus) {}
}

@Module({ providers: [Notifier], exports: [Notifier] })
class FeatureModule {}

/** A resource event handlers use, closed with the application (a database pool, a Redis client). */
@Injectable()
class Pool implements OnApplicationShutdown {
  open = true;

  onApplicationShutdown(): void {
    this.open = false;
  }
}

/** A durable consumer whose handler takes a while and uses the pool at its end. */
@Injectable()
class SlowProjection implements OnApplicationBootstrap {
  started = 0;
  readonly poolOpenAtEnd: boolean[] = [];

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.call, 'slow-projection', async () => {
      this.started++;
      await sleep(300);
      this.poolOpenAtEnd.push(this.pool.open);
    });
  }
}

describe('BusModule', () => {
  it('gives every module one connected Bus and drains it when the application closes', async () => {
    const namespace = uniqueNamespace('nest');
    const moduleRef = await Test.createTestingModule({
      imports: [BusModule.forRoot({ url: NATS_URL, name: 'bus-module-test', namespace }), FeatureModule],
    }).compile();
    const app = await moduleRef.createNestApplication().init();

    const bus = app.get(Bus);
    expect(app.get(Notifier).bus).toBe(bus);
    await expect(bus.ping()).resolves.toBeUndefined();

    const closed = bus.closed();
    await app.close();
    await expect(closed).resolves.toBeUndefined();
    expect(() => bus.publish(voiceSubjects.control('c1'), { type: 'flush' })).toThrow();
  });

  it('lets the event in hand finish before the resources its handler uses close', async () => {
    const namespace = uniqueNamespace('nest_shutdown');
    const moduleRef = await Test.createTestingModule({
      imports: [BusModule.forRoot({ url: NATS_URL, name: 'bus-module-test', namespace, streams: [streams.call] })],
      providers: [Pool, SlowProjection],
    }).compile();
    const app = await moduleRef.createNestApplication().init();
    const bus = app.get(Bus);
    const projection = app.get(SlowProjection);
    const startedAt = new Date().toISOString();
    const event = { callId: 'c1', orgId: 'o1', agentId: 'a1', keyId: 'k1', direction: 'inbound', channel: 'raw', startedAt } as const;
    await bus.publishEvent(eventSubjects.callStarted, event, { msgId: 'c1:started' });
    await waitFor(() => projection.started === 1);

    await app.close();
    expect(projection.poolOpenAtEnd).toEqual([true]);

    const cleanup = await connectBus(namespace);
    await cleanup.removeStreams([streams.call]);
    await cleanup.drain();
  });
});
