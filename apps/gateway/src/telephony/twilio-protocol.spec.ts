import { bytesToSamples, mulawDecode, rms } from '@parley/audio';
import { TwilioStream } from './twilio-protocol';
import { beep, mulawPayload, text } from './testing/carrier-signals';

/** Twilio's documented `start` (twilio.com/docs/voice/media-streams/websocket-messages). */
const START = {
  event: 'start',
  sequenceNumber: '1',
  start: {
    accountSid: 'AC00000000000000000000000000000000',
    streamSid: 'MZ11111111111111111111111111111111',
    callSid: 'CA22222222222222222222222222222222',
    tracks: ['inbound'],
    customParameters: { from: '+15550100', to: '+15550199', campaign: 'spring' },
    mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
  },
  streamSid: 'MZ11111111111111111111111111111111',
};

function started(): TwilioStream {
  const stream = new TwilioStream();
  stream.decode(text(START), false);
  return stream;
}

describe('TwilioStream decode', () => {
  it('reads connected as nothing to do and start as the stream ids, numbers and parameters', () => {
    const stream = new TwilioStream();
    expect(stream.decode(text({ event: 'connected', protocol: 'Call', version: '1.0.0' }), false)).toEqual({ kind: 'ignored' });
    expect(stream.decode(text(START), false)).toEqual({
      kind: 'start',
      start: {
        streamId: START.streamSid,
        carrierCallId: START.start.callSid,
        from: '+15550100',
        to: '+15550199',
        parameters: START.start.customParameters,
      },
    });
  });

  it('turns 20 ms media of base64 mu-law 8 kHz into 16 kHz PCM16 of the same tone', () => {
    const stream = started();
    const input = beep(200, 8000);
    const out: number[] = [];
    for (let at = 0; at < input.length; at += 160) {
      const media = { event: 'media', sequenceNumber: '2', media: { track: 'inbound', chunk: '1', timestamp: '0', payload: mulawPayload(input.subarray(at, at + 160)) }, streamSid: START.streamSid };
      const inbound = stream.decode(text(media), false);
      if (inbound.kind !== 'audio') throw new Error(`expected audio, got ${inbound.kind}`);
      out.push(...bytesToSamples(Buffer.from(inbound.pcm)));
    }
    // 10 chunks of 160 samples at 8 kHz → about 3,200 at 16 kHz (the resampler's lookahead holds back a few).
    expect(out.length).toBeGreaterThan(3_100);
    expect(out.length).toBeLessThanOrEqual(3_200);
    const steady = Int16Array.from(out.slice(400, 3_000));
    expect(rms(steady)).toBeGreaterThan(8000 / Math.SQRT2 * 0.9);
    expect(rms(steady)).toBeLessThan(8000 / Math.SQRT2 * 1.1);
  });

  it('reads dtmf as a digit, stop as the end, a mark echo as nothing', () => {
    const stream = started();
    const dtmf = { event: 'dtmf', streamSid: START.streamSid, sequenceNumber: '5', dtmf: { track: 'inbound_track', digit: '7' } };
    expect(stream.decode(text(dtmf), false)).toEqual({ kind: 'dtmf', digit: '7' });
    const mark = { event: 'mark', sequenceNumber: '4', streamSid: START.streamSid, mark: { name: 'utterance-1' } };
    expect(stream.decode(text(mark), false)).toEqual({ kind: 'ignored' });
    const stop = { event: 'stop', sequenceNumber: '6', streamSid: START.streamSid, stop: { accountSid: 'AC0', callSid: 'CA0' } };
    expect(stream.decode(text(stop), false)).toEqual({ kind: 'stop' });
  });

  it.each([
    ['a binary frame', Buffer.from([1, 2, 3]), true],
    ['text that is not JSON', Buffer.from('hello'), false],
    ['an unknown event', text({ event: 'dance' }), false],
    ['media without a payload', text({ event: 'media', media: {} }), false],
    ['a letter that is no keypad key', text({ event: 'dtmf', dtmf: { digit: 'x' } }), false],
    ['a start in another format', text({ ...START, start: { ...START.start, mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } } }), false],
  ])('answers %s as invalid', (_label, data, isBinary) => {
    expect(new TwilioStream().decode(data, isBinary).kind).toBe('invalid');
  });
});

describe('TwilioStream encode', () => {
  it('sends a 16 kHz frame as media of 160 mu-law bytes at 8 kHz, with the streamSid', () => {
    const stream = started();
    const source = beep(200, 16000);
    const decoded: number[] = [];
    for (let at = 0; at < source.length; at += 320) {
      const frame = Buffer.from(source.buffer, source.byteOffset + at * 2, 640);
      const message = JSON.parse(stream.encodeAudio(frame));
      expect(message).toEqual({ event: 'media', streamSid: START.streamSid, media: { payload: expect.any(String) } });
      const codes = Buffer.from(message.media.payload, 'base64');
      const samples = new Int16Array(codes.length);
      mulawDecode(codes, samples);
      decoded.push(...samples);
    }
    expect(decoded.length).toBeGreaterThan(1_550);
    expect(decoded.length).toBeLessThanOrEqual(1_600);
    expect(rms(Int16Array.from(decoded.slice(200, 1_500)))).toBeGreaterThan(8000 / Math.SQRT2 * 0.9);
  });

  it('marks the end of each agent utterance with a new name and drops other protocol messages', () => {
    const stream = started();
    expect(stream.encodeMessage({ type: 'audio_start' })).toBeUndefined();
    expect(stream.encodeMessage({ type: 'turn_start' })).toBeUndefined();
    expect(JSON.parse(stream.encodeMessage({ type: 'audio_end' }) ?? '')).toEqual({
      event: 'mark',
      streamSid: START.streamSid,
      mark: { name: 'utterance-1' },
    });
    expect(JSON.parse(stream.encodeMessage({ type: 'audio_end' }) ?? '').mark.name).toBe('utterance-2');
  });

  it('clears Twilio’s buffer on barge-in', () => {
    expect(JSON.parse(started().encodeClear())).toEqual({ event: 'clear', streamSid: START.streamSid });
  });
});
