import { wordErrorRate, words } from './word-error-rate';

describe('wordErrorRate', () => {
  it('is 0 for the same words whatever the case, punctuation and digits', () => {
    expect(wordErrorRate('Open 9 to 6, Monday!', 'open nine to six monday')).toBe(0);
  });

  it('counts substitutions, deletions and insertions against the expected words', () => {
    expect(wordErrorRate('closed on sunday', 'clothes on sunday')).toBeCloseTo(1 / 3);
    expect(wordErrorRate('closed on sunday', 'closed sunday')).toBeCloseTo(1 / 3);
    expect(wordErrorRate('closed on sunday', 'we are closed on sunday')).toBeCloseTo(2 / 3);
  });

  it('spells numbers as a recogniser hears them', () => {
    expect(words('30 days, 2 pm')).toEqual(['thirty', 'days', 'two', 'pm']);
  });
});
