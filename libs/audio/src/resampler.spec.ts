import { Resampler } from './resampler';
import { dbfs } from './signal-level';
import { randomInt, seededRandom } from './testing/seeded-random';

const AMPLITUDE = 16_000; // about -6 dBFS peak, so filter ripple never clips
const SECONDS = 1;

/** A linear sine sweep from 100 Hz to `endHz` over SECONDS, evaluated at time t. */
function sweepAt(t: number, endHz: number): number {
  const phase = 100 * t + ((endHz - 100) * t * t) / (2 * SECONDS);
  return AMPLITUDE * Math.sin(2 * Math.PI * phase);
}

function sweep(rate: number, endHz: number): Int16Array {
  return Int16Array.from({ length: rate * SECONDS }, (_, n) => Math.round(sweepAt(n / rate, endHz)));
}

function convertWhole(resampler: Resampler, input: Int16Array): Int16Array {
  return concat([resampler.process(input).slice(), resampler.flush().slice()]);
}

function convertInChunks(resampler: Resampler, input: Int16Array, chunkSizes: () => number): Int16Array {
  const parts: Int16Array[] = [];
  for (let offset = 0; offset < input.length; ) {
    const size = chunkSizes();
    parts.push(resampler.process(input.subarray(offset, offset + size)).slice());
    offset += size;
  }
  parts.push(resampler.flush().slice());
  return concat(parts);
}

function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * SNR of `output` against the sweep computed analytically at the output rate. The first and last
 * 5 ms are left out: there the filter sees the silence before and after the signal.
 */
function sweepSnrDb(output: Int16Array, rate: number, endHz: number): number {
  const edge = Math.round(rate * 0.005);
  let signal = 0;
  let noise = 0;
  for (let n = edge; n < output.length - edge; n++) {
    const expected = sweepAt(n / rate, endHz);
    signal += expected * expected;
    noise += (output[n] - expected) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

const TELEPHONY_AND_TTS_PAIRS: Array<[number, number]> = [
  [8_000, 16_000],
  [16_000, 8_000],
  [22_050, 16_000],
  [24_000, 16_000],
  [44_100, 16_000],
  [48_000, 16_000],
  [16_000, 48_000],
];

describe('Resampler', () => {
  it.each(TELEPHONY_AND_TTS_PAIRS)('keeps a sine sweep above 30 dB SNR converting %i Hz to %i Hz', (from, to) => {
    const endHz = 0.4 * Math.min(from, to);
    const output = convertWhole(new Resampler(from, to), sweep(from, endHz));
    expect(sweepSnrDb(output, to, endHz)).toBeGreaterThanOrEqual(30);
  });

  it.each(TELEPHONY_AND_TTS_PAIRS)('turns n samples at %i Hz into exactly ceil(n * to / from) at %i Hz', (from, to) => {
    for (const inputs of [0, 1, 7, 160, 441, 9_999]) {
      const output = convertWhole(new Resampler(from, to), new Int16Array(inputs).fill(1_000));
      expect(output.length).toBe(Math.ceil((inputs * to) / from));
    }
  });

  it.each([
    [22_050, 16_000],
    [16_000, 8_000],
    [8_000, 16_000],
    [44_100, 16_000],
  ])('gives identical output for %i -> %i Hz whether fed whole or in odd-sized chunks', (from, to) => {
    const input = sweep(from, 0.4 * Math.min(from, to));
    const random = seededRandom(from + to);
    const chunked = convertInChunks(new Resampler(from, to), input, () => 2 * randomInt(random, 0, 400) + 1);
    expect(chunked).toEqual(convertWhole(new Resampler(from, to), input));
  });

  it('streams with a bounded lag: after n inputs it has emitted all outputs older than its lookahead', () => {
    const resampler = new Resampler(48_000, 16_000);
    let emitted = 0;
    for (let fed = 960; fed <= 48_000; fed += 960) {
      emitted += resampler.process(new Int16Array(960)).length;
      const ready = Math.floor(((fed - resampler.latencySamples - 1) * 16_000) / 48_000) + 1;
      expect(emitted).toBe(ready);
    }
  });

  it('removes content above the output Nyquist frequency instead of aliasing it', () => {
    const tone = Int16Array.from({ length: 48_000 }, (_, n) =>
      Math.round(AMPLITUDE * Math.sin((2 * Math.PI * 12_000 * n) / 48_000)),
    );
    const output = convertWhole(new Resampler(48_000, 16_000), tone);
    expect(dbfs(output, 160, output.length - 160)).toBeLessThan(-70);
  });

  it('passes audio through unchanged when both rates are equal', () => {
    const input = sweep(16_000, 6_400);
    const resampler = new Resampler(16_000, 16_000);
    expect(resampler.process(input)).toEqual(input);
    expect(resampler.flush().length).toBe(0);
  });

  it('starts a fresh stream after flush', () => {
    const resampler = new Resampler(22_050, 16_000);
    const input = sweep(22_050, 6_400);
    const first = convertWhole(resampler, input);
    expect(convertWhole(resampler, input)).toEqual(first);
  });

  it('refuses an output array that may be too small, before consuming any input', () => {
    const resampler = new Resampler(8_000, 16_000);
    expect(() => resampler.processInto(new Int16Array(100), new Int16Array(150))).toThrow(RangeError);
    const output = new Int16Array(resampler.maxOutputLength(100));
    expect(resampler.processInto(new Int16Array(100), output)).toBeGreaterThan(0);
  });

  it('rejects sample rates that are not positive integers', () => {
    expect(() => new Resampler(0, 16_000)).toThrow(RangeError);
    expect(() => new Resampler(16_000, 8_000.5)).toThrow(RangeError);
  });
});
