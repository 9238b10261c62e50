import { alawDecode, alawEncode, bytesToSamples, mulawEncode } from '@parley/audio';
import { TelnyxStream, telnyxProtocol } from './telnyx-protocol';
import { text, tone, zeroCrossingHz } from './testing/carrier-signals';

const startMessage = (encoding = 'PCMU', sampleRate = 8000) => ({
  event: 'start',
  sequence_number: '1',
  stream_id: '32DE0DEA-53CB-4B21-89A4-9E1819C043BC',
  start: {
    user_id: '3e6f995f-85f7-4705-9741-53b116d28237',
    call_control_id: 'v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg',
    client_state: 'aGF2ZSBhIG5pY2UgZGF5ID1d',
    from: '+13122010094',
    to: '+13122123456',
    media_format: { encoding, sample_rate: sampleRate, channels: 1 },
  },
});

describe('Telnyx media stream', () => {
  it('reads connected and start: stream id, call control id, numbers, client_state', () => {
    const stream = telnyxProtocol.openStream();
    expect(stream.decode(text({ event: 'connected', version: '1.0.0' }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text(startMessage()), false)).toEqual({
      kind: 'start',
      start: {
        streamId: '32DE0DEA-53CB-4B21-89A4-9E1819C043BC',
        carrierCallId: 'v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg',
        from: '+13122010094',
        to: '+13122123456',
        parameters: { client_state: 'aGF2ZSBhIG5pY2UgZGF5ID1d' },
      },
    });
  });

  it('turns PCMU 8 kHz media into 16 kHz PCM with the same tone; the outbound track is ignored', () => {
    const stream = new TelnyxStream();
    stream.decode(text(startMessage()), false);
    const out: number[] = [];
    for (let chunk = 0; chunk < 50; chunk++) {
      const codes = new Uint8Array(160);
      mulawEncode(tone(440, 8000, 160, chunk * 160), codes);
      const payload = Buffer.from(codes).toString('base64');
      const inbound = stream.decode(text({ event: 'media', media: { track: 'inbound', chunk: String(chunk), timestamp: '0', payload } }), false);
      if (inbound.kind !== 'audio') throw new Error(`expected audio, got ${inbound.kind}`);
      out.push(...bytesToSamples(inbound.pcm));
    }
    expect(out.length).toBeGreaterThan(15_900);
    expect(zeroCrossingHz(out.slice(1000), 16_000)).toBeCloseTo(440, -1);
    expect(stream.decode(text({ event: 'media', media: { track: 'outbound', payload: 'AAAA' } }), false)).toEqual({ kind: 'ignored' });
  });

  it('speaks PCMA both ways when the stream is A-law', () => {
    const stream = new TelnyxStream();
    stream.decode(text(startMessage('PCMA')), false);
    const codes = new Uint8Array(160);
    alawEncode(tone(440, 8000, 160), codes);
    const inbound = stream.decode(text({ event: 'media', media: { payload: Buffer.from(codes).toString('base64') } }), false);
    expect(inbound.kind).toBe('audio');
    const decoded: number[] = [];
    for (let frame = 0; frame < 50; frame++) {
      const message = JSON.parse(stream.encodeAudio(new Uint8Array(tone(500, 16_000, 320, frame * 320).buffer)));
      expect(Object.keys(message)).toEqual(['event', 'media']);
      const bytes = Buffer.from(message.media.payload, 'base64');
      const samples = new Int16Array(bytes.length);
      alawDecode(bytes, samples);
      decoded.push(...samples);
    }
    expect(decoded.length).toBeGreaterThan(7_900);
    expect(zeroCrossingHz(decoded.slice(500), 8000)).toBeCloseTo(500, -1);
  });

  it('passes DTMF, marks each utterance, clears on barge-in, stops on stop', () => {
    const stream = new TelnyxStream();
    stream.decode(text(startMessage()), false);
    expect(stream.decode(text({ event: 'dtmf', stream_id: 'x', dtmf: { digit: '1' } }), false)).toEqual({ kind: 'dtmf', digit: '1' });
    expect(JSON.parse(stream.encodeMessage({ type: 'audio_end' }) as string)).toEqual({ event: 'mark', mark: { name: 'utterance-1' } });
    expect(JSON.parse(stream.encodeClear())).toEqual({ event: 'clear' });
    expect(stream.decode(text({ event: 'mark', mark: { name: 'utterance-1' } }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text({ event: 'stop', stop: { call_control_id: 'v3:x' } }), false)).toEqual({ kind: 'stop' });
  });

  it('refuses codecs it cannot convert and malformed messages', () => {
    expect(new TelnyxStream().decode(text(startMessage('OPUS', 16000)), false)).toMatchObject({ kind: 'invalid' });
    expect(new TelnyxStream().decode(text(startMessage('PCMU', 16000)), false)).toMatchObject({ kind: 'invalid' });
    expect(new TelnyxStream().decode(text({ event: 'error', payload: { code: 100002 } }), false)).toMatchObject({ kind: 'invalid' });
    expect(new TelnyxStream().decode(Buffer.from('nope'), false)).toMatchObject({ kind: 'invalid' });
  });
});
