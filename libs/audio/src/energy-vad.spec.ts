import { EnergyVad, VadEvent } from './energy-vad';
import { FRAME_MS, FRAME_SAMPLES, SAMPLE_RATE } from './pcm-format';
import { seededRandom } from './testing/seeded-random';

/** Peak amplitude of a sine whose RMS is `levelDbfs`; RMS of white noise at that level. */
const amplitudeFor = (levelDbfs: number) => 32_768 * 10 ** (levelDbfs / 20);

interface Burst {
  fromMs: number;
  toMs: number;
  dbfs: number;
}

/** Gaussian background noise at `noiseDbfs` (or digital silence) plus 440 Hz tone bursts. */
function signal(durationMs: number, noiseDbfs: number | null, bursts: Burst[] = []): Int16Array {
  const random = seededRandom(1);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Int16Array.from({ length: (durationMs * SAMPLE_RATE) / 1000 }, (_, n) => {
    const ms = (n * 1000) / SAMPLE_RATE;
    let value = noiseDbfs === null ? 0 : amplitudeFor(noiseDbfs) * gaussian();
    for (const burst of bursts) {
      if (ms >= burst.fromMs && ms < burst.toMs) {
        value += Math.SQRT2 * amplitudeFor(burst.dbfs) * Math.sin((2 * Math.PI * 440 * n) / SAMPLE_RATE);
      }
    }
    return Math.max(-32_768, Math.min(32_767, Math.round(value)));
  });
}

/** Runs the VAD over 20 ms frames; each event is stamped with the end time of its frame. */
function events(vad: EnergyVad, samples: Int16Array): Array<{ event: VadEvent; atMs: number }> {
  const found: Array<{ event: VadEvent; atMs: number }> = [];
  for (let start = 0; start + FRAME_SAMPLES <= samples.length; start += FRAME_SAMPLES) {
    const event = vad.process(samples.subarray(start, start + FRAME_SAMPLES));
    if (event) found.push({ event, atMs: ((start + FRAME_SAMPLES) * 1000) / SAMPLE_RATE });
  }
  return found;
}

const within = (expectedMs: number) => ({
  asymmetricMatch: (actual: number) => Math.abs(actual - expectedMs) <= FRAME_MS,
  toString: () => `${expectedMs} ms +- 1 frame`,
});

describe('EnergyVad', () => {
  it('stays silent on digital silence and on quiet background noise', () => {
    expect(events(new EnergyVad(), signal(5_000, null))).toEqual([]);
    expect(events(new EnergyVad(), signal(5_000, -55))).toEqual([]);
  });

  it('starts speech attackMs after a tone burst begins and ends it hangoverMs after it stops', () => {
    const bursts = [
      { fromMs: 1_000, toMs: 2_000, dbfs: -20 },
      { fromMs: 3_000, toMs: 3_500, dbfs: -30 },
    ];
    expect(events(new EnergyVad({ attackMs: 60, hangoverMs: 300 }), signal(5_000, -55, bursts))).toEqual([
      { event: 'speech-start', atMs: within(1_060) },
      { event: 'speech-end', atMs: within(2_300) },
      { event: 'speech-start', atMs: within(3_060) },
      { event: 'speech-end', atMs: within(3_800) },
    ]);
  });

  it('ignores a click shorter than the attack time', () => {
    const click = [{ fromMs: 1_000, toMs: 1_040, dbfs: -10 }];
    expect(events(new EnergyVad({ attackMs: 80 }), signal(2_000, -55, click))).toEqual([]);
  });

  it('bridges a pause shorter than the hangover', () => {
    const words = [
      { fromMs: 500, toMs: 1_000, dbfs: -25 },
      { fromMs: 1_200, toMs: 1_800, dbfs: -25 },
    ];
    const found = events(new EnergyVad({ hangoverMs: 300 }), signal(3_000, -55, words));
    expect(found.map((e) => e.event)).toEqual(['speech-start', 'speech-end']);
    expect(found[1].atMs).toEqual(within(2_100));
  });

  it('learns a steady loud background as noise, then still hears speech above it', () => {
    const vad = new EnergyVad();
    const background = signal(14_000, -30, [{ fromMs: 12_000, toMs: 13_000, dbfs: -12 }]);
    const found = events(vad, background);
    // The noise first sounds like speech, until the floor rises to it (about 4 s * ln 5 + hangover).
    expect(found.map((e) => e.event)).toEqual(['speech-start', 'speech-end', 'speech-start', 'speech-end']);
    expect(found[1].atMs).toBeGreaterThan(3_000);
    expect(found[1].atMs).toBeLessThan(10_000);
    expect(found[2].atMs).toEqual(within(12_060));
    expect(vad.noiseFloorDbfs).toBeGreaterThan(-33);
  });

  it('reports the level of the last frame and forgets everything on reset', () => {
    const vad = new EnergyVad();
    events(vad, signal(1_000, null, [{ fromMs: 0, toMs: 1_000, dbfs: -20 }]));
    expect(vad.speaking).toBe(true);
    expect(vad.levelDbfs).toBeCloseTo(-20, 0);
    vad.reset();
    expect(vad.speaking).toBe(false);
    expect(vad.noiseFloorDbfs).toBe(-60);
  });

  it('rejects invalid options', () => {
    expect(() => new EnergyVad({ attackMs: -1 })).toThrow(RangeError);
    expect(() => new EnergyVad({ sampleRate: 0 })).toThrow(RangeError);
    expect(() => new EnergyVad({ minSpeechDbfs: Number.NaN })).toThrow(RangeError);
  });
});
