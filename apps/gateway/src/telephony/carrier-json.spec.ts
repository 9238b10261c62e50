import { z } from 'zod';
import { CarrierAudio } from './carrier-audio';
import { L16Base64 } from './base64-codecs';
import { callerAudio, keypadDigit, readJsonEvent } from './carrier-json';
import { l16Payload, text, tone } from './testing/carrier-signals';

const schema = z.object({ event: z.literal('stop') });

describe('JSON carrier frames', () => {
  it('reads a text frame with the carrier schema', () => {
    expect(readJsonEvent(text({ event: 'stop', extra: 1 }), false, 'Acme', schema)).toEqual({ ok: true, message: { event: 'stop' } });
  });

  it.each([
    ['a binary frame', text({ event: 'stop' }), true, 'Acme sends text frames only'],
    ['text that is not JSON', Buffer.from('{'), false, 'not JSON'],
    ['an event the schema does not know', text({ event: 'dance' }), false, 'unknown or malformed event'],
  ])('answers %s as invalid, saying why', (_label, data, isBinary, reason) => {
    expect(readJsonEvent(data, isBinary, 'Acme', schema)).toEqual({ ok: false, inbound: { kind: 'invalid', reason } });
  });

  it('decodes the inbound track (or an unnamed one) as PCM16 and ignores the others', () => {
    const samples = tone(440, 16_000, 320);
    const payload = l16Payload(samples);
    const audio = new CarrierAudio(16_000);
    const inbound = callerAudio({ payload }, new L16Base64(), audio);
    expect(inbound.kind === 'audio' && Buffer.from(inbound.pcm).equals(Buffer.from(samples.buffer))).toBe(true);
    expect(callerAudio({ track: 'inbound', payload }, new L16Base64(), audio).kind).toBe('audio');
    expect(callerAudio({ track: 'outbound', payload }, new L16Base64(), audio)).toEqual({ kind: 'ignored' });
  });

  it('reads keypad digits and refuses anything else', () => {
    expect(keypadDigit('#')).toEqual({ kind: 'dtmf', digit: '#' });
    expect(keypadDigit('x')).toEqual({ kind: 'invalid', reason: 'bad digit' });
  });
});
