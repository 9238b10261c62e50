import { bytesToSamples, rms, samplesToBytes } from '@parley/audio';
import { VonageStream } from './vonage-protocol';
import { beep, text } from './testing/carrier-signals';

/** Vonage's first message: the format, then the NCCO endpoint's `headers`. */
const connected = (rate: number) => ({
  event: 'websocket:connected',
  'content-type': `audio/l16;rate=${rate}`,
  uuid: 'b1c2d3',
  from: '447700900000',
  to: '447700900001',
  campaign: 'spring',
});

describe('VonageStream', () => {
  it('starts on websocket:connected with the headers as parameters', () => {
    expect(new VonageStream().decode(text(connected(16000)), false)).toEqual({
      kind: 'start',
      start: {
        carrierCallId: 'b1c2d3',
        from: '447700900000',
        to: '447700900001',
        parameters: { uuid: 'b1c2d3', from: '447700900000', to: '447700900001', campaign: 'spring' },
      },
    });
  });

  it('passes 16 kHz L16 frames through both ways unchanged', () => {
    const stream = new VonageStream();
    stream.decode(text(connected(16000)), false);
    const frame = samplesToBytes(beep(20, 16000));
    const inbound = stream.decode(Buffer.from(frame), true);
    expect(inbound.kind === 'audio' && Buffer.from(inbound.pcm).equals(frame)).toBe(true);
    expect(Buffer.from(stream.encodeAudio(frame)).equals(frame)).toBe(true);
  });

  it('resamples an 8 kHz stream: 320-byte frames in, 640 bytes a frame to the call, 320 back', () => {
    const stream = new VonageStream();
    stream.decode(text(connected(8000)), false);
    const source = beep(200, 8000);
    let inboundSamples = 0;
    for (let at = 0; at < source.length; at += 160) {
      const inbound = stream.decode(Buffer.from(samplesToBytes(source.subarray(at, at + 160))), true);
      if (inbound.kind !== 'audio') throw new Error(`expected audio, got ${inbound.kind}`);
      inboundSamples += inbound.pcm.byteLength / 2;
    }
    expect(inboundSamples).toBeGreaterThan(3_100);
    expect(inboundSamples).toBeLessThanOrEqual(3_200);
    const agent = beep(200, 16000);
    const back: number[] = [];
    for (let at = 0; at < agent.length; at += 320) back.push(...bytesToSamples(Buffer.from(stream.encodeAudio(samplesToBytes(agent.subarray(at, at + 320))))));
    expect(back.length).toBeGreaterThan(1_550);
    expect(rms(Int16Array.from(back.slice(200, 1_500)))).toBeGreaterThan(8000 / Math.SQRT2 * 0.9);
  });

  it('reads websocket:dtmf as a digit and has no mark nor clear to send', () => {
    const stream = new VonageStream();
    stream.decode(text(connected(16000)), false);
    expect(stream.decode(text({ event: 'websocket:dtmf', digit: '#', duration: 260 }), false)).toEqual({ kind: 'dtmf', digit: '#' });
    expect(stream.encodeMessage({ type: 'audio_end' })).toBeUndefined();
    expect(stream.encodeClear()).toBeUndefined();
  });

  it.each([
    ['audio before websocket:connected', new VonageStream(), Buffer.alloc(640), true],
    ['a frame with half a sample', new VonageStream(), Buffer.alloc(641), true],
    ['a format it cannot speak', new VonageStream(), text({ ...connected(16000), 'content-type': 'audio/pcmu;rate=8000' }), false],
    ['text that is not JSON', new VonageStream(), Buffer.from('{'), false],
  ])('answers %s as invalid', (label, stream, data, isBinary) => {
    if (label === 'a frame with half a sample') stream.decode(text(connected(16000)), false);
    expect(stream.decode(data, isBinary).kind).toBe('invalid');
  });
});
