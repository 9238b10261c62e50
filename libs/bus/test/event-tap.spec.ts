import type { NatsConnection } from '@nats-io/nats-core';
import { type CallStartedEvent, eventSubjects, streams } from '@parley/contracts';
import type { Bus, TappedEvent } from '../src';
import { connectBus, connectRaw, sleep, uniqueNamespace, waitFor } from './support/bus-fixture';

function started(callId: string): CallStartedEvent {
  const startedAt = new Date().toISOString();
  return { callId, orgId: 'o1', agentId: 'a1', keyId: 'k1', direction: 'inbound', channel: 'raw', startedAt };
}

describe('Bus.tapEvents (live fan-out of stored events over core NATS)', () => {
  const namespace = uniqueNamespace('tap');
  let bus: Bus;
  let raw: NatsConnection;

  beforeAll(async () => {
    [bus, raw] = await Promise.all([connectBus(namespace), connectRaw()]);
    await bus.ensureStreams([streams.call]);
  });

  afterAll(async () => {
    await bus.removeStreams([streams.call]);
    await Promise.all([bus.drain(), raw.drain()]);
  });

  it('delivers validated JetStream publishes of the tapped subjects only, in order', async () => {
    const seen: TappedEvent<typeof eventSubjects.callStarted>[] = [];
    const tap = bus.tapEvents([eventSubjects.callStarted], (event) => void seen.push(event));
    await bus.ping();
    await bus.publishEvent(eventSubjects.callStarted, started('c1'), { msgId: 'tap-c1' });
    const line = { callId: 'c1', orgId: 'o1', seq: 0, role: 'user' as const, text: 'hi', at: new Date().toISOString() };
    await bus.publishEvent(eventSubjects.transcriptAppended, line, { msgId: 'tap-t1' });
    await bus.publishEvent(eventSubjects.callStarted, started('c2'), { msgId: 'tap-c2' });
    await waitFor(() => seen.length === 2);

    expect(seen.map((event) => [event.subject, event.payload.callId])).toEqual([
      [eventSubjects.callStarted, 'c1'],
      [eventSubjects.callStarted, 'c2'],
    ]);
    tap.unsubscribe();
  });

  it('drops an event that breaks its contract and counts it, and keeps tapping', async () => {
    const seen: string[] = [];
    const tap = bus.tapEvents([eventSubjects.callStarted], (event) => void seen.push(event.payload.callId));
    await bus.ping();
    const before = bus.stats().invalidMessages;
    raw.publish(`${namespace}.${eventSubjects.callStarted}`, JSON.stringify({ callId: 'broken' }));
    await bus.publishEvent(eventSubjects.callStarted, started('c3'), { msgId: 'tap-c3' });
    await waitFor(() => seen.length === 1);

    expect(seen).toEqual(['c3']);
    expect(bus.stats().invalidMessages).toBe(before + 1);
    tap.unsubscribe();
  });

  it('sees nothing once unsubscribed', async () => {
    const seen: string[] = [];
    const tap = bus.tapEvents([eventSubjects.callStarted], (event) => void seen.push(event.payload.callId));
    tap.unsubscribe();
    await bus.publishEvent(eventSubjects.callStarted, started('c4'), { msgId: 'tap-c4' });
    await sleep(100); // nothing to await: proving an absence
    expect(seen).toEqual([]);
  });
});
