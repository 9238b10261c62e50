import type { NatsConnection } from '@nats-io/nats-core';
import { ANY_TOKEN, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import { type Bus, BusError } from '../src';
import {
  collectingLogger,
  connectBus,
  connectRaw,
  deferred,
  sleep,
  uniqueNamespace,
  waitFor,
} from './support/bus-fixture';

const transcript: TranscriptMessage = {
  kind: 'final',
  text: 'I need a refund',
  confidence: 0.9,
  startMs: 0,
  endMs: 900,
  seq: 1,
};

describe('Bus publish/subscribe', () => {
  const namespace = uniqueNamespace('pubsub');
  const logger = collectingLogger();
  let bus: Bus;
  let raw: NatsConnection;

  beforeAll(async () => {
    bus = await connectBus(namespace, logger);
    raw = await connectRaw();
  });

  afterAll(async () => {
    await bus.drain();
    await raw.drain();
  });

  it('delivers a typed message to a subscriber of the same subject', async () => {
    const subject = voiceSubjects.transcript('call-1');
    const received = deferred<TranscriptMessage>();
    const sub = bus.subscribe(subject, (msg) => received.resolve(msg));
    bus.publish(subject, transcript);
    await expect(received.promise).resolves.toEqual(transcript);
    sub.unsubscribe();
  });

  it('tells a wildcard subscriber which call a message belongs to', async () => {
    const seen = deferred<string>();
    const sub = bus.subscribe(voiceSubjects.control(ANY_TOKEN), (_msg, meta) => seen.resolve(meta.subject));
    await bus.ping();
    bus.publish(voiceSubjects.control('call-7'), { type: 'end', reason: 'HANGUP' });
    await expect(seen.promise).resolves.toBe(voiceSubjects.control('call-7'));
    sub.unsubscribe();
  });

  it('refuses to publish a payload that breaks the contract', () => {
    const invalid = { ...transcript, kind: 'partial' } as unknown as TranscriptMessage;
    expect(() => bus.publish(voiceSubjects.transcript('call-2'), invalid)).toThrow(BusError);
    expect(() => bus.publish(voiceSubjects.transcript('call-2'), invalid)).toThrow(/kind/);
  });

  it('refuses the payload of another subject, at compile time and at run time', () => {
    // @ts-expect-error a control message is not a transcript
    expect(() => bus.publish(voiceSubjects.transcript('call-2'), { type: 'flush' })).toThrow(BusError);
    // @ts-expect-error audio goes through publishAudio, as bytes
    expect(() => bus.publish(voiceSubjects.audioIn('call-2'), new Uint8Array(2))).toThrow(/no JSON message contract/);
  });

  it('drops and counts a received message that breaks the contract, and keeps delivering', async () => {
    const subject = voiceSubjects.transcript('call-3');
    const received: TranscriptMessage[] = [];
    const sub = bus.subscribe(subject, (msg) => void received.push(msg));
    await bus.ping();
    const before = bus.stats().invalidMessages;
    raw.publish(`${namespace}.${subject}`, JSON.stringify({ kind: 'final', text: 42 }));
    raw.publish(`${namespace}.${subject}`, 'not json');
    bus.publish(subject, transcript);
    await waitFor(() => received.length === 1);
    expect(received).toEqual([transcript]);
    expect(bus.stats().invalidMessages - before).toBe(2);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ subject }) }),
    );
    sub.unsubscribe();
  });

  it('survives a handler that throws or rejects', async () => {
    const subject = voiceSubjects.replyText('call-4');
    let calls = 0;
    const sub = bus.subscribe(subject, async (chunk) => {
      calls++;
      if (chunk.sentenceIndex === 0) throw new Error('handler bug');
    });
    await bus.ping();
    const before = bus.stats().handlerErrors;
    bus.publish(subject, { turnId: 't1', sentenceIndex: 0, text: 'Hello.', final: false });
    bus.publish(subject, { turnId: 't1', sentenceIndex: 1, text: 'Bye.', final: true });
    await waitFor(() => calls === 2 && bus.stats().handlerErrors - before === 1);
    sub.unsubscribe();
  });

  it('keeps namespaces apart', async () => {
    const other = await connectBus(uniqueNamespace('other'));
    const subject = voiceSubjects.control('call-5');
    let leaked = 0;
    const sub = other.subscribe(subject, () => void leaked++);
    await other.ping();
    bus.publish(subject, { type: 'flush' });
    await bus.ping();
    await sleep(50);
    expect(leaked).toBe(0);
    sub.unsubscribe();
    await other.drain();
  });

  it('refuses to subscribe to a subject without a JSON contract', () => {
    const unknown = voiceSubjects.control('c').replace('ctl', 'nope') as ReturnType<typeof voiceSubjects.control>;
    expect(() => bus.subscribe(unknown, () => undefined)).toThrow(/no JSON message contract/);
  });
});
