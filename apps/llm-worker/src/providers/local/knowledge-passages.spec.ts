import { MAX_SPOKEN_CHARS, passageEntries } from './knowledge-passages';

describe('passageEntries', () => {
  it('makes one entry per paragraph, the heading above it as its topic, marks left unsaid', () => {
    const content = [
      '# Warranty',
      '',
      'Every bicycle carries a five year warranty on the frame.',
      'Keep the receipt to claim it.',
      '',
      '# Delivery',
      '- We deliver bicycles within two days in the city.',
      '',
      'Q: Do you deliver abroad?',
      'A: No, only within the country.',
    ].join('\n');
    expect(passageEntries({ content })).toEqual([
      {
        topic: 'Warranty Every bicycle carries a five year warranty on the frame. Keep the receipt to claim it.',
        answer: 'Every bicycle carries a five year warranty on the frame. Keep the receipt to claim it.',
      },
      { topic: 'Delivery We deliver bicycles within two days in the city.', answer: 'We deliver bicycles within two days in the city.' },
      { topic: 'Delivery Do you deliver abroad? No, only within the country.', answer: 'Do you deliver abroad? No, only within the country.' },
    ]);
  });

  it('speaks a long paragraph up to about fifteen seconds, in whole sentences', () => {
    const sentence = 'This sentence is exactly fifty characters long ok. ';
    const [entry] = passageEntries({ content: sentence.repeat(10) });
    expect(entry.answer.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(entry.answer).toBe(sentence.repeat(4).trim());
    expect(entry.topic.length).toBeGreaterThan(400);
  });
});
