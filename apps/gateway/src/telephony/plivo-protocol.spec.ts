import { bytesToSamples, mulawDecode, mulawEncode } from '@parley/audio';
import { extraHeaders, PlivoStream, plivoProtocol } from './plivo-protocol';
import { text, tone, zeroCrossingHz } from './testing/carrier-signals';

const startMessage = (encoding = 'audio/x-mulaw', sampleRate = 8000) => ({
  event: 'start',
  sequenceNumber: 1,
  start: {
    callId: '12345678-1234-1234-1234-123456789abc',
    streamId: '87654321-4321-4321-4321-cba987654321',
    accountId: 'MAXXXXXXXXXXXXXXXXXX',
    tracks: ['inbound'],
    mediaFormat: { encoding, sampleRate },
  },
  extra_headers: 'from=+14155550100;to=+14155550199;campaign=renewals',
});

describe('Plivo audio stream', () => {
  it('reads the start message: ids, and numbers and parameters from extra_headers', () => {
    expect(plivoProtocol.openStream().decode(text(startMessage()), false)).toEqual({
      kind: 'start',
      start: {
        streamId: '87654321-4321-4321-4321-cba987654321',
        carrierCallId: '12345678-1234-1234-1234-123456789abc',
        from: '+14155550100',
        to: '+14155550199',
        parameters: { from: '+14155550100', to: '+14155550199', campaign: 'renewals' },
      },
    });
    expect(extraHeaders('a=1,b=2')).toEqual({ a: '1', b: '2' });
  });

  it('turns 8 kHz mu-law media into 16 kHz PCM with the same tone, and ignores the outbound track', () => {
    const stream = new PlivoStream();
    stream.decode(text(startMessage()), false);
    const out: number[] = [];
    for (let chunk = 0; chunk < 50; chunk++) {
      const codes = new Uint8Array(160);
      mulawEncode(tone(440, 8000, 160, chunk * 160), codes);
      const inbound = stream.decode(text({ event: 'media', media: { track: 'inbound', chunk, payload: Buffer.from(codes).toString('base64') } }), false);
      if (inbound.kind !== 'audio') throw new Error(`expected audio, got ${inbound.kind}`);
      out.push(...bytesToSamples(inbound.pcm));
    }
    expect(out.length).toBeGreaterThan(15_900);
    expect(zeroCrossingHz(out.slice(1000), 16_000)).toBeCloseTo(440, -1);
    expect(stream.decode(text({ event: 'media', media: { track: 'outbound', payload: 'AAAA' } }), false)).toEqual({ kind: 'ignored' });
  });

  it('passes 16 kHz L16 through unchanged, and answers in the same contentType and rate', () => {
    const stream = new PlivoStream();
    expect(stream.carrierRate).toBe(8000);
    stream.decode(text(startMessage('audio/x-l16', 16000)), false);
    expect(stream.carrierRate).toBe(16000); // what STT is told the caller's audio was
    const samples = tone(300, 16_000, 320);
    const payload = Buffer.from(samples.buffer).toString('base64');
    const inbound = stream.decode(text({ event: 'media', media: { payload } }), false);
    expect(inbound.kind === 'audio' && Array.from(bytesToSamples(inbound.pcm))).toEqual(Array.from(samples));
    expect(JSON.parse(stream.encodeAudio(new Uint8Array(samples.buffer)))).toEqual({
      event: 'playAudio',
      media: { contentType: 'audio/x-l16', sampleRate: 16000, payload },
    });
  });

  it('sends agent audio as playAudio mu-law at 8 kHz', () => {
    const stream = new PlivoStream();
    stream.decode(text(startMessage()), false);
    const decoded: number[] = [];
    for (let frame = 0; frame < 50; frame++) {
      const message = JSON.parse(stream.encodeAudio(new Uint8Array(tone(500, 16_000, 320, frame * 320).buffer)));
      expect(message.media).toMatchObject({ contentType: 'audio/x-mulaw', sampleRate: 8000 });
      const codes = Buffer.from(message.media.payload, 'base64');
      const samples = new Int16Array(codes.length);
      mulawDecode(codes, samples);
      decoded.push(...samples);
    }
    expect(decoded.length).toBeGreaterThan(7_900);
    expect(zeroCrossingHz(decoded.slice(500), 8000)).toBeCloseTo(500, -1);
  });

  it('passes DTMF, sets a checkpoint after each utterance, clears on barge-in', () => {
    const stream = new PlivoStream();
    stream.decode(text(startMessage()), false);
    const streamId = '87654321-4321-4321-4321-cba987654321';
    expect(stream.decode(text({ event: 'dtmf', streamId, dtmf: { track: 'inbound', digit: '#' } }), false)).toEqual({ kind: 'dtmf', digit: '#' });
    expect(JSON.parse(stream.encodeMessage({ type: 'audio_end' }) as string)).toEqual({ event: 'checkpoint', streamId, name: 'utterance-1' });
    expect(JSON.parse(stream.encodeClear())).toEqual({ event: 'clearAudio', streamId });
    expect(stream.decode(text({ event: 'playedStream', streamId, name: 'utterance-1' }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text({ event: 'clearedAudio', streamId }), false)).toEqual({ kind: 'ignored' });
  });

  it('refuses formats Plivo cannot stream to us and malformed messages', () => {
    expect(new PlivoStream().decode(text(startMessage('audio/x-mulaw', 16000)), false)).toMatchObject({ kind: 'invalid' });
    expect(new PlivoStream().decode(text(startMessage('audio/opus', 48000)), false)).toMatchObject({ kind: 'invalid' });
    expect(new PlivoStream().decode(text({ event: 'media' }), false)).toMatchObject({ kind: 'invalid' });
    expect(new PlivoStream().decode(Buffer.from([0]), true)).toMatchObject({ kind: 'invalid' });
  });
});
