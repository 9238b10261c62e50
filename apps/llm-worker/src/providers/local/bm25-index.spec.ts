import { Bm25Index } from './bm25-index';

const doc = (value: string, terms: string) => ({ value, terms: terms.split(' ') });

describe('Bm25Index', () => {
  it('ranks the document with the rarer matching term first', () => {
    const index = new Bm25Index([doc('common', 'ship day'), doc('rare', 'refund day'), doc('other', 'ship hour')]);
    expect(index.search(['refund', 'ship']).map((m) => m.value)).toEqual(['rare', 'common', 'other']);
  });

  it('rewards repeats of a term less and less', () => {
    const index = new Bm25Index([doc('once', 'ship a b c'), doc('twice', 'ship ship b c'), doc('four', 'ship ship ship ship')]);
    const [four, twice, once] = index.search(['ship']).map((m) => m.score);
    expect(four).toBeGreaterThan(twice);
    expect(twice).toBeGreaterThan(once);
    expect(four - twice).toBeLessThan(twice - once);
  });

  it('prefers the shorter of two documents with the same matches', () => {
    const index = new Bm25Index([doc('long', 'hour a b c d e f g'), doc('short', 'hour a')]);
    expect(index.search(['hour'])[0].value).toBe('short');
  });

  it('reports how much of the query a document covers, counting unknown terms against it', () => {
    const index = new Bm25Index([doc('hours', 'business hour'), doc('returns', 'return refund')]);
    expect(index.search(['business', 'hour'])[0].coverage).toBe(1);
    const partial = index.search(['business', 'insurance', 'broker'])[0];
    expect(partial.value).toBe('hours');
    expect(partial.coverage).toBeCloseTo(1 / 3);
  });

  it('counts a repeated query term once', () => {
    const index = new Bm25Index([doc('a', 'ship'), doc('b', 'hour')]);
    expect(index.search(['ship', 'ship'])).toEqual(index.search(['ship']));
  });

  it('returns no matches for unknown terms or an empty index', () => {
    expect(new Bm25Index([doc('a', 'ship')]).search(['weather'])).toEqual([]);
    expect(new Bm25Index<string>([]).search(['ship'])).toEqual([]);
  });
});
