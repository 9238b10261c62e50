import { controlMessageSchema } from '@parley/contracts';
import { BusError } from './bus-error';
import { decodeJson, encodeJson } from './json-codec';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JSON codec', () => {
  it('round-trips a valid payload and drops keys the contract does not know', () => {
    const data = encodeJson(controlMessageSchema, { type: 'flush', extra: 1 } as never, 'ctl');
    expect(new TextDecoder().decode(data)).toBe('{"type":"flush"}');
    expect(decodeJson(controlMessageSchema, data)).toEqual({ ok: true, value: { type: 'flush' } });
  });

  it('refuses to encode an invalid payload with a BusError naming the field', () => {
    const encode = () => encodeJson(controlMessageSchema, { type: 'end', reason: 'bored' } as never, 'ctl');
    expect(encode).toThrow(BusError);
    expect(encode).toThrow(/reason/);
  });

  it('reports non-JSON and contract violations without throwing', () => {
    expect(decodeJson(controlMessageSchema, bytes('{oops'))).toEqual({ ok: false, reason: 'payload is not JSON' });
    const decoded = decodeJson(controlMessageSchema, bytes('{"type":"interrupt"}'));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/turnId/);
  });
});
