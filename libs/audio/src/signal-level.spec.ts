import { MIN_DBFS, dbfs, rms, rmsToDbfs } from './signal-level';

describe('signal level', () => {
  it('reads a full-scale square wave as 0 dBFS and a full-scale sine as -3.01 dBFS', () => {
    const square = Int16Array.from({ length: 320 }, (_, i) => (i % 2 ? 32_767 : -32_768));
    const sine = Int16Array.from({ length: 1_600 }, (_, i) => Math.round(32_767 * Math.sin((2 * Math.PI * i) / 16)));
    expect(dbfs(square)).toBeCloseTo(0, 3);
    expect(dbfs(sine)).toBeCloseTo(-3.01, 2);
  });

  it('measures a sub-range when given bounds', () => {
    const samples = Int16Array.from([0, 0, 100, -100, 0]);
    expect(rms(samples, 2, 4)).toBe(100);
    expect(rms(samples, 3, 3)).toBe(0);
  });

  it('reports digital silence at the finite floor', () => {
    expect(dbfs(new Int16Array(320))).toBe(MIN_DBFS);
    expect(rmsToDbfs(1e-9)).toBe(MIN_DBFS);
  });
});
