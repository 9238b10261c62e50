import { dtmfFrames, dtmfFrequencies, dtmfSamples } from './dtmf';
import { FRAME_BYTES, SAMPLE_RATE } from './pcm-format';

/** Power of one frequency in the samples (Goertzel), normalised by length. */
function power(samples: Int16Array, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
  let s1 = 0;
  let s2 = 0;
  for (const sample of samples) {
    const s0 = sample / 32_768 + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / samples.length ** 2;
}

const ALL = [697, 770, 852, 941, 1209, 1336, 1477, 1633];

/** The two strongest of the eight DTMF frequencies in a tone, low first. */
function detect(tone: Int16Array): number[] {
  return ALL.map((f) => [f, power(tone, f)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([f]) => f)
    .sort((a, b) => a - b);
}

describe('DTMF tones', () => {
  it.each([
    ['1', [697, 1209]],
    ['5', [770, 1336]],
    ['9', [852, 1477]],
    ['*', [941, 1209]],
    ['0', [941, 1336]],
    ['#', [941, 1477]],
    ['d', [941, 1633]],
  ])('key %s is %j Hz, and a receiver hears exactly those two', (key, expected) => {
    expect(dtmfFrequencies(key)).toEqual(expected);
    const tone = dtmfSamples(key).subarray(0, SAMPLE_RATE / 10);
    expect(detect(tone)).toEqual(expected);
    const others = ALL.filter((f) => !expected.includes(f)).map((f) => power(tone, f));
    expect(Math.max(...others)).toBeLessThan(power(tone, expected[0]) / 20);
  });

  it('plays each key for 100 ms then 80 ms of silence, in whole 20 ms frames, without clipping', () => {
    const samples = dtmfSamples('12');
    expect(samples.length).toBe(2 * 0.18 * SAMPLE_RATE);
    const gap = samples.subarray(0.1 * SAMPLE_RATE, 0.18 * SAMPLE_RATE);
    expect(gap.every((sample) => sample === 0)).toBe(true);
    expect(detect(samples.subarray(0.18 * SAMPLE_RATE, 0.28 * SAMPLE_RATE))).toEqual([697, 1336]);
    expect(Math.max(...samples.map(Math.abs))).toBeLessThan(32_767);
    expect(Math.max(...samples.map(Math.abs))).toBeGreaterThan(16_000);
    const frames = dtmfFrames('12#', { toneMs: 50, gapMs: 50 });
    expect(frames.length).toBe(3 * (3 + 3));
    expect(frames.every((frame) => frame.length === FRAME_BYTES)).toBe(true);
  });

  it('refuses a character that is not a key', () => {
    expect(dtmfFrequencies('x')).toBeUndefined();
    expect(dtmfFrequencies('12')).toBeUndefined();
    expect(() => dtmfSamples('1x')).toThrow(RangeError);
  });
});
