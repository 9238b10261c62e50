import { SentenceSegmenter, splitSentences } from './sentence-segmenter';

/** Feeds `text` one character at a time, as the slowest token stream would. */
function streamByChar(text: string): string[] {
  const segmenter = new SentenceSegmenter();
  const sentences = [...text].flatMap((char) => segmenter.push(char));
  const tail = segmenter.flush();
  return tail ? [...sentences, tail] : sentences;
}

describe('SentenceSegmenter', () => {
  it.each([
    ['plain sentences', 'We open at nine. We close at six.', ['We open at nine.', 'We close at six.']],
    ['questions and exclamations', 'Really?! Yes! Anything else?', ['Really?!', 'Yes!', 'Anything else?']],
    ['titles', 'Dr. Smith and Mrs. Jones are in. Ask them.', ['Dr. Smith and Mrs. Jones are in.', 'Ask them.']],
    ['Latin abbreviations', 'Bring proof, e.g. a receipt. Or i.e. Anything.', ['Bring proof, e.g. a receipt.', 'Or i.e. Anything.']],
    ['decimals and prices', 'It is 3.5 kg and costs $4.99. Shipping is free.', ['It is 3.5 kg and costs $4.99.', 'Shipping is free.']],
    ['an ellipsis inside a sentence', 'Well... let me check. Done… Next one.', ['Well... let me check.', 'Done…', 'Next one.']],
    ['initials', 'Ask J. R. Tolkien. He knows.', ['Ask J. R. Tolkien.', 'He knows.']],
    ['times in a.m. and p.m.', 'Open 9 a.m. to 6 p.m. Closed Sundays.', ['Open 9 a.m. to 6 p.m.', 'Closed Sundays.']],
    ['"etc." before a capital', 'Shoes, bags, etc. We stock them all.', ['Shoes, bags, etc.', 'We stock them all.']],
    ['"etc." before a lower-case word', 'Shoes, bags, etc. are in stock.', ['Shoes, bags, etc. are in stock.']],
    ['list numbers', '1. Call us. 2. Send the box.', ['1. Call us.', '2. Send the box.']],
    ['closing quotes', 'She said "Thanks." Then left.', ['She said "Thanks."', 'Then left.']],
    ['a blank line without punctuation', 'Shipping\n\nIt takes three days.', ['Shipping', 'It takes three days.']],
  ])('splits %s', (_case, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
    expect(streamByChar(text)).toEqual(expected);
  });

  it('emits a sentence as soon as the whitespace after it arrives', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('Hello there')).toEqual([]);
    expect(segmenter.push('.')).toEqual([]);
    expect(segmenter.push(' How')).toEqual(['Hello there.']);
    expect(segmenter.push(' are you?')).toEqual([]);
    expect(segmenter.flush()).toBe('How are you?');
  });

  it('holds an ambiguous period until the next word shows whether a sentence ended', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('We open at 9 a.m. ')).toEqual([]);
    expect(segmenter.push('Sharp.')).toEqual(['We open at 9 a.m.']);
  });

  it('waits for the digits after a point before deciding', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('That is $4.')).toEqual([]);
    expect(segmenter.push('99 in total. ')).toEqual(['That is $4.99 in total.']);
  });

  it('flushes the unpunctuated tail and nothing when only whitespace remains', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('Done. and then  some')).toEqual(['Done.']);
    expect(segmenter.flush()).toBe('and then some');
    expect(segmenter.flush()).toBeUndefined();
    segmenter.push('   \n ');
    expect(segmenter.flush()).toBeUndefined();
  });

  it('cuts a run-on sentence at its last clause break within the limit', () => {
    const segmenter = new SentenceSegmenter(40);
    const pieces = segmenter.push('one two three four five, six seven eight nine ten eleven twelve');
    expect(pieces).toEqual(['one two three four five,']);
    expect(segmenter.flush()).toBe('six seven eight nine ten eleven twelve');
  });

  it('cuts a run-on without clause breaks at a space, and one long word at the limit', () => {
    const bySpace = new SentenceSegmenter(12);
    expect(bySpace.push('aaaa bbbb cccc dddd')).toEqual(['aaaa bbbb']);
    const byLimit = new SentenceSegmenter(5);
    expect(byLimit.push('abcdefghijkl')).toEqual(['abcde', 'fghij']);
    expect(byLimit.flush()).toBe('kl');
  });
});
