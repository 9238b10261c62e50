import { jetstreamManager } from '@nats-io/jetstream';
import { eventSubjects, streams } from '@parley/contracts';
import { Bus } from '../src';
import { collectingLogger, connectBus, connectRaw, deferred, sleep, uniqueNamespace } from './support/bus-fixture';

describe('Bus lifecycle', () => {
  it('fails at connect, with the URL in the message, when NATS is unreachable', async () => {
    const url = 'nats://127.0.0.1:1';
    await expect(Bus.connect({ url, name: 'unreachable', logger: collectingLogger() })).rejects.toThrow(url);
  });

  it('keeps credentials in the URL out of the connect error', async () => {
    const url = 'nats://parley:s3cret@127.0.0.1:1';
    const connecting = Bus.connect({ url, name: 'unreachable', logger: collectingLogger() });
    await expect(connecting).rejects.toThrow('nats://127.0.0.1:1');
    await expect(connecting).rejects.not.toThrow('s3cret');
  });

  it('answers ping while connected, and refuses it once drained', async () => {
    const bus = await connectBus(uniqueNamespace('life'));
    await expect(bus.ping()).resolves.toBeUndefined();
    const closed = bus.closed();
    await bus.drain();
    await bus.drain();
    await expect(closed).resolves.toBeUndefined();
    await expect(bus.ping()).rejects.toThrow();
  });

  it('lets the event in hand finish and be acked before the connection closes', async () => {
    const namespace = uniqueNamespace('drain');
    const bus = await connectBus(namespace);
    const raw = await connectRaw();
    await bus.ensureStreams([streams.call]);
    try {
      const event = {
        callId: 'c1',
        orgId: 'o1',
        seq: 0,
        role: 'user' as const,
        text: 'hi',
        at: new Date().toISOString(),
      };
      await bus.publishEvent(eventSubjects.transcriptAppended, event, { msgId: 'c1:0' });
      const started = deferred<void>();
      let finished = false;
      await bus.consume(streams.call, 'drain', async () => {
        started.resolve();
        await sleep(200);
        finished = true;
      });
      await started.promise;
      await bus.drain();
      expect(finished).toBe(true);
      const info = await (await jetstreamManager(raw)).consumers.info(`${namespace}_${streams.call.name}`, 'drain');
      expect(info.ack_floor.stream_seq).toBe(1);
      expect(info.num_ack_pending).toBe(0);
    } finally {
      await (await jetstreamManager(raw)).streams.delete(`${namespace}_${streams.call.name}`);
      await raw.drain();
    }
  });
});
