import { playedText } from './played-text';

describe('playedText', () => {
  it('keeps sentences played to their last frame whole', () => {
    const text = playedText([
      { text: 'Hello there.', received: 10, played: 10, complete: true },
      { text: 'How can I help?', received: 8, played: 8, complete: true },
    ]);
    expect(text).toBe('Hello there. How can I help?');
  });

  it('cuts the interrupted sentence by the share of frames played, on whole words', () => {
    const text = playedText([
      { text: 'We open at nine.', received: 10, played: 10, complete: true },
      { text: 'On Sundays we open at ten instead.', received: 20, played: 10, complete: true },
      { text: 'Anything else?', received: 6, played: 0, complete: true },
    ]);
    expect(text).toBe('We open at nine. On Sundays we'); // 7 words, half played: 3
  });

  it('counts nothing when no frame was played', () => {
    expect(playedText([{ text: 'Hello.', received: 5, played: 0, complete: false }])).toBe('');
  });
});
