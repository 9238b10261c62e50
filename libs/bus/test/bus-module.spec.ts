import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { voiceSubjects } from '@parley/contracts';
import { Bus, BusModule } from '../src';
import { NATS_URL, uniqueNamespace } from './support/bus-fixture';

@Injectable()
class Notifier {
  constructor(@Inject(Bus) readonly bus: Bus) {}
}

@Module({ providers: [Notifier], exports: [Notifier] })
class FeatureModule {}

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
});
