import { bytesToSamples } from '@parley/audio';
import { ExotelStream, exotelProtocol } from './exotel-protocol';
import { l16Payload, text, tone, zeroCrossingHz } from './testing/carrier-signals';

const startMessage = (sampleRate = '8000') => ({
  event: 'start',
  sequence_number: '1',
  stream_sid: 'MZ0001',
  start: {
    stream_sid: 'MZ0001',
    call_sid: 'CA0001',
    account_sid: 'AC0001',
    from: '+919876543210',
    to: '+918047491899',
    custom_parameters: { campaign: 'renewals' },
    media_format: { encoding: 'base64', sample_rate: sampleRate, bit_rate: '128kbps' },
  },
});

describe('Exotel Voicebot stream', () => {
  it('reads the start message: stream and call ids, numbers and custom parameters', () => {
    const stream = exotelProtocol.openStream();
    expect(stream.decode(text({ event: 'connected' }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text(startMessage()), false)).toEqual({
      kind: 'start',
      start: {
        streamId: 'MZ0001',
        carrierCallId: 'CA0001',
        from: '+919876543210',
        to: '+918047491899',
        parameters: { campaign: 'renewals' },
      },
    });
  });

  it('turns 8 kHz L16 media into 16 kHz PCM with the same tone', () => {
    const stream = new ExotelStream();
    stream.decode(text(startMessage()), false);
    const out: number[] = [];
    for (let chunk = 0; chunk < 10; chunk++) {
      const inbound = stream.decode(text({ event: 'media', stream_sid: 'MZ0001', media: { chunk: String(chunk), payload: l16Payload(tone(440, 8000, 800, chunk * 800)) } }), false);
      if (inbound.kind !== 'audio') throw new Error(`expected audio, got ${inbound.kind}`);
      out.push(...bytesToSamples(inbound.pcm));
    }
    // 1 s at 8 kHz → about 16,000 samples (less the resampler's lookahead, still held).
    expect(out.length).toBeGreaterThan(15_900);
    expect(out.length).toBeLessThanOrEqual(16_000);
    expect(zeroCrossingHz(Int16Array.from(out.slice(1000)), 16_000)).toBeCloseTo(440, -1);
  });

  it('keeps 16 kHz audio as it is when the stream URL asked for sample-rate=16000', () => {
    const stream = new ExotelStream();
    expect(stream.carrierRate).toBe(8000);
    stream.decode(text(startMessage('16000')), false);
    expect(stream.carrierRate).toBe(16000); // what STT is told the caller's audio was
    const samples = tone(300, 16_000, 320);
    const inbound = stream.decode(text({ event: 'media', media: { payload: l16Payload(samples) } }), false);
    expect(inbound.kind === 'audio' && Array.from(bytesToSamples(inbound.pcm))).toEqual(Array.from(samples));
  });

  it('sends agent audio as base64 L16 at 8 kHz in media messages with the stream_sid', () => {
    const stream = new ExotelStream();
    stream.decode(text(startMessage()), false);
    const samples: number[] = [];
    for (let frame = 0; frame < 50; frame++) {
      const pcm = tone(500, 16_000, 320, frame * 320);
      const message = JSON.parse(stream.encodeAudio(new Uint8Array(pcm.buffer)));
      expect(message).toMatchObject({ event: 'media', stream_sid: 'MZ0001', media: { payload: expect.any(String) } });
      const bytes = Buffer.from(message.media.payload, 'base64');
      expect(bytes.length % 2).toBe(0);
      samples.push(...new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
    }
    expect(samples.length).toBeGreaterThan(7_900); // 1 s at 8 kHz, less the lookahead
    expect(samples.length).toBeLessThanOrEqual(8_000);
    expect(zeroCrossingHz(Int16Array.from(samples.slice(500)), 8000)).toBeCloseTo(500, -1);
  });

  it('passes DTMF digits, marks the end of each utterance, clears on barge-in and stops', () => {
    const stream = new ExotelStream();
    stream.decode(text(startMessage()), false);
    expect(stream.decode(text({ event: 'dtmf', stream_sid: 'MZ0001', dtmf: { digit: '5', duration: '100' } }), false)).toEqual({ kind: 'dtmf', digit: '5' });
    expect(stream.decode(text({ event: 'dtmf', dtmf: { digit: 'x' } }), false)).toMatchObject({ kind: 'invalid' });
    expect(JSON.parse(stream.encodeMessage({ type: 'audio_end' }) as string)).toEqual({ event: 'mark', stream_sid: 'MZ0001', mark: { name: 'utterance-1' } });
    expect(stream.encodeMessage({ type: 'turn_start' })).toBeUndefined();
    expect(JSON.parse(stream.encodeClear())).toEqual({ event: 'clear', stream_sid: 'MZ0001' });
    expect(stream.decode(text({ event: 'mark', mark: { name: 'utterance-1' } }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text({ event: 'stop', stop: { call_sid: 'CA0001', reason: 'callended' } }), false)).toEqual({ kind: 'stop' });
  });

  it('refuses what Exotel never sends: binary frames, bad JSON, unknown events, odd rates', () => {
    const stream = new ExotelStream();
    expect(stream.decode(Buffer.from([1, 2, 3]), true)).toMatchObject({ kind: 'invalid' });
    expect(stream.decode(Buffer.from('{nope'), false)).toMatchObject({ kind: 'invalid' });
    expect(stream.decode(text({ event: 'transcript' }), false)).toMatchObject({ kind: 'invalid' });
    expect(stream.decode(text(startMessage('11025')), false)).toMatchObject({ kind: 'invalid' });
  });

  it('switches to mu-law when the start message names it', () => {
    const stream = new ExotelStream();
    const start = startMessage();
    start.start.media_format.encoding = 'audio/x-mulaw';
    stream.decode(text(start), false);
    const inbound = stream.decode(text({ event: 'media', media: { payload: Buffer.alloc(160, 0xff).toString('base64') } }), false);
    // 160 mu-law bytes of silence (0xff) → 20 ms at 8 kHz → about 320 samples at 16 kHz, all near zero.
    expect(inbound.kind).toBe('audio');
    const samples = inbound.kind === 'audio' ? bytesToSamples(inbound.pcm) : new Int16Array();
    expect(samples.length).toBeGreaterThan(250);
    expect(Math.max(...samples.map(Math.abs))).toBeLessThan(10);
  });
});
