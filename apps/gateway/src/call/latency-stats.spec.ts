import { LatencySamples } from './latency-stats';

describe('LatencySamples', () => {
  it('is null when the stage never ran', () => {
    expect(new LatencySamples().stats()).toBeNull();
  });

  it('summarises with nearest-rank percentiles', () => {
    const samples = new LatencySamples();
    for (let ms = 1; ms <= 20; ms++) samples.add(ms * 10);
    expect(samples.stats()).toEqual({ count: 20, p50: 100, p95: 190, max: 200 });
  });
});
