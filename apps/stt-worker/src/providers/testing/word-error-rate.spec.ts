import { normalizeWords, wordEditDistance, wordErrorRate } from './word-error-rate';

describe('wordErrorRate', () => {
  it('is zero when the hypothesis matches the reference up to case and punctuation', () => {
    expect(wordErrorRate([{ reference: 'What are your hours?', hypothesis: 'what are your hours' }])).toBe(0);
  });

  it('counts a substitution, an insertion and a deletion as one error each', () => {
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b'], ['a', 'b', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b'], [])).toBe(2);
  });

  it('divides all errors by all reference words', () => {
    const rate = wordErrorRate([
      { reference: 'one two three four', hypothesis: 'one two three four' },
      { reference: 'five six three four', hypothesis: 'five sick' },
    ]);
    expect(rate).toBeCloseTo(3 / 8);
  });

  it('keeps apostrophes inside words', () => {
    expect(normalizeWords("It's   the caller's, OK!")).toEqual(["it's", 'the', "caller's", 'ok']);
  });
});
