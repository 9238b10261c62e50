import { TelephoneBand } from './telephone-band';

describe('TelephoneBand', () => {
  it('holds the first sample of each pair for two', () => {
    expect(Array.from(new TelephoneBand().fold(Int16Array.of(1, 2, 3, 4, -5, 6)))).toEqual([1, 1, 3, 3, -5, -5]);
  });

  it('keeps a last unpaired sample', () => {
    expect(Array.from(new TelephoneBand().fold(Int16Array.of(7, 8, 9)))).toEqual([7, 7, 9]);
  });

  it('leaves the input alone and reuses its output buffer', () => {
    const band = new TelephoneBand();
    const frame = Int16Array.of(1, 2, 3, 4);
    const first = band.fold(frame);
    expect(Array.from(frame)).toEqual([1, 2, 3, 4]);
    expect(band.fold(Int16Array.of(5, 6)).buffer).toBe(first.buffer);
  });

  it('mirrors a tone of the telephone band above 4 kHz', () => {
    // A 1 kHz tone at 16 kHz, folded: an image appears at 8 - 1 = 7 kHz, where the input had nothing.
    const tone = Int16Array.from({ length: 1600 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 1000 * i) / 16_000)));
    const energyAt = (samples: Int16Array, hz: number) => {
      let re = 0;
      let im = 0;
      samples.forEach((sample, i) => {
        re += sample * Math.cos((2 * Math.PI * hz * i) / 16_000);
        im += sample * Math.sin((2 * Math.PI * hz * i) / 16_000);
      });
      return Math.hypot(re, im) / samples.length;
    };
    expect(energyAt(tone, 7000)).toBeLessThan(1);
    expect(energyAt(new TelephoneBand().fold(tone), 7000)).toBeGreaterThan(500);
  });
});
