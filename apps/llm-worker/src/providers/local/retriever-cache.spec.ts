import { RetrieverCache } from './retriever-cache';

describe('RetrieverCache', () => {
  it('indexes each knowledge text once and reuses it', () => {
    const cache = new RetrieverCache(2);
    const first = cache.for('Returns: within 30 days.');
    expect(cache.for('Returns: within 30 days.')).toBe(first);
    expect(first.answer('returns')?.answer).toBe('Within 30 days.');
  });

  it('keeps at most its capacity, dropping the least recently used text', () => {
    const cache = new RetrieverCache(2);
    const a = cache.for('a: one.');
    const b = cache.for('b: two.');
    cache.for('a: one.');
    cache.for('c: three.');
    expect(cache.size).toBe(2);
    expect(cache.for('a: one.')).toBe(a);
    expect(cache.for('b: two.')).not.toBe(b);
  });
});
