import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import { type AudioFrameHeaders, voiceSubjects } from '@parley/contracts';
import { type Bus, BusError } from '../src';
import { connectBus, connectRaw, uniqueNamespace, waitFor } from './support/bus-fixture';

interface Received {
  frame: Buffer;
  headers: AudioFrameHeaders;
}

describe('Bus audio', () => {
  const namespace = uniqueNamespace('audio');
  let bus: Bus;
  let raw: NatsConnection;

  beforeAll(async () => {
    [bus, raw] = await Promise.all([connectBus(namespace), connectRaw()]);
  });

  afterAll(async () => {
    await Promise.all([bus.drain(), raw.drain()]);
  });

  it('delivers raw PCM frames byte-identical, in order, with their headers', async () => {
    const subject = voiceSubjects.audioOut('call-1');
    const frames = Array.from({ length: 50 }, () => randomBytes(640));
    const received: Received[] = [];
    // Headers are reused between frames, so the handler copies what it keeps.
    const sub = bus.subscribeAudio(subject, (frame, headers) =>
      received.push({ frame: Buffer.from(frame), headers: { ...headers } }),
    );
    await bus.ping();
    frames.forEach((frame, seq) =>
      bus.publishAudio(subject, frame, { seq, turnId: 't1', sentenceIndex: 2, last: seq === 49 }),
    );
    await waitFor(() => received.length === frames.length);
    received.forEach(({ frame, headers }, i) => {
      expect(frame.equals(frames[i])).toBe(true);
      expect(headers).toEqual({ seq: i, turnId: 't1', sentenceIndex: 2, last: i === 49 ? true : undefined });
    });
    sub.unsubscribe();
  });

  it('sends caller audio with only a sequence number', async () => {
    const subject = voiceSubjects.audioIn('call-2');
    const received: Received[] = [];
    const sub = bus.subscribeAudio(subject, (frame, headers) =>
      received.push({ frame: Buffer.from(frame), headers: { ...headers } }),
    );
    await bus.ping();
    bus.publishAudio(subject, new Uint8Array([1, 0, 255, 127]), { seq: 0 });
    await waitFor(() => received.length === 1);
    expect(received[0].frame).toEqual(Buffer.from([1, 0, 255, 127]));
    expect(received[0].headers).toEqual({ seq: 0, turnId: undefined, sentenceIndex: undefined, last: undefined });
    sub.unsubscribe();
  });

  it('refuses to publish a frame with a split sample or without a valid seq', () => {
    const subject = voiceSubjects.audioIn('call-3');
    expect(() => bus.publishAudio(subject, new Uint8Array(3), { seq: 0 })).toThrow(BusError);
    expect(() => bus.publishAudio(subject, new Uint8Array(2), { seq: -1 })).toThrow(/seq/);
  });

  it('refuses to subscribe to a JSON subject as audio', () => {
    // @ts-expect-error transcripts are JSON, not audio
    expect(() => bus.subscribeAudio(voiceSubjects.transcript('call-5'), () => undefined)).toThrow(
      /does not carry audio/,
    );
  });

  it('drops and counts received frames without seq or with a split sample', async () => {
    const subject = voiceSubjects.audioIn('call-4');
    let delivered = 0;
    const sub = bus.subscribeAudio(subject, () => void delivered++);
    await bus.ping();
    const before = bus.stats().invalidMessages;
    raw.publish(`${namespace}.${subject}`, new Uint8Array(4));
    bus.publishAudio(subject, new Uint8Array(4), { seq: 1 });
    await waitFor(() => delivered === 1 && bus.stats().invalidMessages - before === 1);
    sub.unsubscribe();
  });
});
