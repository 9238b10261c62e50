import { searchTerms, spokenWords, stem, words } from './text-terms';

describe('text terms', () => {
  it('brings inflections of a word to one stem', () => {
    for (const group of [
      ['ship', 'ships', 'shipped', 'shipping'],
      ['close', 'closed', 'closes', 'closing'],
      ['return', 'returns', 'returned', 'returning'],
      ['delivery', 'deliveries'],
      ['call', 'calls', 'calling'],
      ['item', 'items'],
    ]) {
      expect(new Set(group.map(stem)).size).toBe(1);
    }
  });

  it('leaves short words, numbers and words ending in -ss or -us alone', () => {
    expect(['bus', 'box', '30', 'business', 'status'].map(stem)).toEqual(['bus', 'box', '30', 'business', 'status']);
  });

  it('reads words without case, punctuation or typographic apostrophes', () => {
    expect(words('That’s ALL, thanks!  Bye.')).toEqual(["that's", 'all', 'thanks', 'bye']);
  });

  it('drops hesitations and noise markers from what was spoken', () => {
    expect(spokenWords('um [noise] uh hmm')).toEqual([]);
    expect(spokenWords('uh returns')).toEqual(['returns']);
  });

  it('searches on the stems of content words only', () => {
    expect(searchTerms("What're your business hours, please? I'd like to know.")).toEqual(['business', 'hour']);
    expect(searchTerms('How long does shipping take?')).toEqual(['long', 'ship', 'tak']);
    expect(searchTerms('what is it')).toEqual([]);
  });
});
