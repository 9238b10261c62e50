import { splitForSpeech } from './speech-text';

describe('splitForSpeech', () => {
  it('cuts text into sentences at terminal punctuation', () => {
    expect(splitForSpeech('Hello there! How can I help?  We open at nine.', 100)).toEqual([
      'Hello there!',
      'How can I help?',
      'We open at nine.',
    ]);
  });

  it('keeps abbreviations and initials inside their sentence', () => {
    expect(splitForSpeech('Dr. Smith and J. Doe will call. Thanks.', 100)).toEqual([
      'Dr. Smith and J. Doe will call.',
      'Thanks.',
    ]);
  });

  it('does not cut decimals or quoted endings apart', () => {
    expect(splitForSpeech('It costs 3.50 dollars. He said "yes." Then he left.', 100)).toEqual([
      'It costs 3.50 dollars.',
      'He said "yes."',
      'Then he left.',
    ]);
  });

  it('treats line breaks as sentence ends and drops pieces with nothing to say', () => {
    expect(splitForSpeech('First line\n\nSecond line\n ... \n', 100)).toEqual(['First line', 'Second line']);
  });

  it('cuts a long sentence at its last clause break that fits', () => {
    const text = 'Your order shipped on Monday, it is with the courier now, and it should arrive by Friday';
    const pieces = splitForSpeech(text, 60);
    expect(pieces).toEqual(['Your order shipped on Monday, it is with the courier now,', 'and it should arrive by Friday']);
  });

  it('falls back to a word boundary, then to a hard cut, never exceeding the limit', () => {
    const words = splitForSpeech('one two three four five six seven eight nine ten', 20);
    expect(words).toEqual(['one two three four', 'five six seven eight', 'nine ten']);
    expect(splitForSpeech('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('returns nothing for blank text', () => {
    expect(splitForSpeech('   \n  ', 100)).toEqual([]);
  });
});
