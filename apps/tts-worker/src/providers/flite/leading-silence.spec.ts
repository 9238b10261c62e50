import { skipLeadingSilence } from './leading-silence';

describe('skipLeadingSilence', () => {
  it('drops quiet samples before the first loud one but keeps the requested lead-in', () => {
    const samples = Int16Array.of(0, 3, -12, 40, 0, 900, 5, 0);
    expect(Array.from(skipLeadingSilence(samples, 2))).toEqual([40, 0, 900, 5, 0]);
  });

  it('returns a view, not a copy', () => {
    const samples = Int16Array.of(0, 0, 1000);
    expect(skipLeadingSilence(samples, 0).buffer).toBe(samples.buffer);
  });

  it('keeps audio that is silent throughout', () => {
    const samples = new Int16Array(10);
    expect(skipLeadingSilence(samples, 0)).toHaveLength(10);
  });
});
