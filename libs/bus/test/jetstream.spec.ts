import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { type CallEndedEvent, type CallStartedEvent, eventSubjects, streams } from '@parley/contracts';
import { type Bus, type ConsumedEvent, type EventConsumer } from '../src';
import { connectBus, connectRaw, sleep, uniqueNamespace, waitFor } from './support/bus-fixture';

let callSeq = 0;
function callStarted(): CallStartedEvent {
  callSeq++;
  const startedAt = new Date().toISOString();
  return {
    callId: `c${callSeq}`,
    orgId: 'o1',
    agentId: 'a1',
    keyId: 'k1',
    direction: 'inbound',
    channel: 'raw',
    startedAt,
  };
}

describe('Bus JetStream events', () => {
  const namespace = uniqueNamespace('js');
  const streamName = `${namespace}_${streams.call.name}`;
  let bus: Bus;
  let raw: NatsConnection;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    [bus, raw] = await Promise.all([connectBus(namespace), connectRaw()]);
    await bus.ensureStreams([streams.call]);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
  });

  afterAll(async () => {
    await bus.removeStreams([streams.call]);
    await Promise.all([bus.drain(), raw.drain()]);
  });

  it('creates the namespaced stream once and accepts ensureStreams again', async () => {
    await bus.ensureStreams([streams.call]);
    const info = await (await jetstreamManager(raw)).streams.info(streamName);
    expect(info.config.subjects).toEqual([`${namespace}.${streams.call.subjects[0]}`]);
    expect(info.config.duplicate_window).toBe(streams.call.duplicateWindowMs * 1e6);
  });

  it('brings an existing stream to a changed definition', async () => {
    await bus.ensureStreams([{ ...streams.call, maxAgeMs: 60 * 60 * 1000 }]);
    const jsm = await jetstreamManager(raw);
    expect((await jsm.streams.info(streamName)).config.max_age).toBe(60 * 60 * 1e9);
    await bus.ensureStreams([streams.call]);
    expect((await jsm.streams.info(streamName)).config.max_age).toBe(streams.call.maxAgeMs * 1e6);
  });

  it('says which subject no stream stores instead of "jetstream is not enabled"', async () => {
    const other = await connectBus(uniqueNamespace('nostream'));
    const publish = other.publishEvent(eventSubjects.callStarted, callStarted(), { msgId: 'x' });
    await expect(publish).rejects.toMatchObject({
      code: 'NO_RESPONDERS',
      message: expect.stringContaining('ensureStreams'),
    });
    await other.drain();
  });

  it('stores an event published twice with one Nats-Msg-Id once, and consumes it once', async () => {
    const event = callStarted();
    const first = await bus.publishEvent(eventSubjects.callStarted, event, { msgId: `${event.callId}:started` });
    const second = await bus.publishEvent(eventSubjects.callStarted, event, { msgId: `${event.callId}:started` });
    expect(second).toEqual({ seq: first.seq, duplicate: true });

    const seen: ConsumedEvent[] = [];
    consumers.push(
      await bus.consume(streams.call, 'dedup', async (e) => void seen.push(e), {
        filterSubject: eventSubjects.callStarted,
      }),
    );
    await waitFor(() => seen.length >= 1);
    await sleep(200);
    expect(seen).toEqual([
      { subject: eventSubjects.callStarted, payload: event, deliveryCount: 1, streamSeq: first.seq },
    ]);
  });

  it('redelivers an event whose handler threw, then acks it', async () => {
    const ended: CallEndedEvent = {
      callId: 'c-redeliver',
      orgId: 'o1',
      agentId: 'a1',
      reason: 'HANGUP',
      durationMs: 1000,
      turns: 1,
      endedAt: new Date().toISOString(),
      latency: { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null },
    };
    await bus.publishEvent(eventSubjects.callEnded, ended, { msgId: 'c-redeliver:ended' });
    const deliveries: number[] = [];
    const handler = async (e: ConsumedEvent<typeof eventSubjects.callEnded>) => {
      deliveries.push(e.deliveryCount);
      if (e.deliveryCount === 1) throw new Error('database briefly down');
    };
    const options = { filterSubject: eventSubjects.callEnded, nakDelayMs: 50 };
    consumers.push(await bus.consume(streams.call, 'redeliver', handler, options));
    await waitFor(() => deliveries.length === 2);
    await sleep(200);
    expect(deliveries).toEqual([1, 2]);
    const info = await (await jetstreamManager(raw)).consumers.info(streamName, 'redeliver');
    expect(info.num_ack_pending).toBe(0);
  });

  it('handles up to `concurrency` events at once, acks each once, and stop waits for those in flight', async () => {
    const events = Array.from({ length: 8 }, () => callStarted());
    await Promise.all(events.map((e) => bus.publishEvent(eventSubjects.callStarted, e, { msgId: `${e.callId}:started` })));
    let running = 0;
    let mostAtOnce = 0;
    const handled: string[] = [];
    const handler = async (e: ConsumedEvent<typeof eventSubjects.callStarted>) => {
      if (!events.some((mine) => mine.callId === e.payload.callId)) return;
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await sleep(100);
      running--;
      handled.push(e.payload.callId);
    };
    const consumer = await bus.consume(streams.call, 'concurrent', handler, { filterSubject: eventSubjects.callStarted, concurrency: 4 });
    await waitFor(() => handled.length >= 5);
    await consumer.stop();
    expect(running).toBe(0); // stopped only after the handlers in flight finished
    expect(mostAtOnce).toBe(4);
    const info = await (await jetstreamManager(raw)).consumers.info(streamName, 'concurrent');
    expect(info.num_ack_pending).toBe(0);
    expect(new Set(handled).size).toBe(handled.length);
  });

  it('gives up after maxDeliver attempts', async () => {
    const event = callStarted();
    await bus.publishEvent(eventSubjects.callStarted, event, { msgId: `${event.callId}:poison` });
    const attempts: number[] = [];
    const handler = async (e: ConsumedEvent<typeof eventSubjects.callStarted>) => {
      if (e.payload.callId !== event.callId) return;
      attempts.push(e.deliveryCount);
      throw new Error('always fails');
    };
    consumers.push(await bus.consume(streams.call, 'give-up', handler, { maxDeliver: 3, nakDelayMs: 20 }));
    await waitFor(() => attempts.length === 3);
    await sleep(300);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('terminates an event that breaks its contract and goes on with the next', async () => {
    const subject = `${namespace}.${eventSubjects.callStarted}`;
    const bad = await raw.request(subject, JSON.stringify({ callId: 'bad' }));
    expect(bad.json()).toMatchObject({ stream: streamName });
    const good = callStarted();
    await bus.publishEvent(eventSubjects.callStarted, good, { msgId: `${good.callId}:after-bad` });
    const before = bus.stats().invalidMessages;
    const seen: string[] = [];
    const onEvent = async (e: ConsumedEvent<typeof eventSubjects.callStarted>) => void seen.push(e.payload.callId);
    consumers.push(await bus.consume(streams.call, 'skip-bad', onEvent));
    await waitFor(() => seen.includes(good.callId));
    expect(seen).not.toContain('bad');
    expect(bus.stats().invalidMessages - before).toBe(1);
  });

  it('resumes a durable consumer where it stopped, and applies a changed configuration', async () => {
    const seen: string[] = [];
    const handler = async (e: ConsumedEvent<typeof eventSubjects.callStarted>) => void seen.push(e.payload.callId);
    const first = callStarted();
    await bus.publishEvent(eventSubjects.callStarted, first, { msgId: `${first.callId}:resume` });
    const consumer = await bus.consume(streams.call, 'resume', handler, { filterSubject: eventSubjects.callStarted });
    await waitFor(() => seen.includes(first.callId));
    await consumer.stop();

    const next = callStarted();
    await bus.publishEvent(eventSubjects.callStarted, next, { msgId: `${next.callId}:resume` });
    seen.length = 0;
    const options = { filterSubject: eventSubjects.callStarted, maxDeliver: 9 };
    consumers.push(await bus.consume(streams.call, 'resume', handler, options));
    await waitFor(() => seen.includes(next.callId));
    expect(seen).toEqual([next.callId]);
    const info = await (await jetstreamManager(raw)).consumers.info(streamName, 'resume');
    expect(info.config.max_deliver).toBe(9);
  });
});
