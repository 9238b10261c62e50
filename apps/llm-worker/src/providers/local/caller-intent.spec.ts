import { callerIntent, expressesGratitude } from './caller-intent';

describe('callerIntent', () => {
  it.each([
    'bye',
    'Goodbye!',
    'good bye',
    "no that's all thank you",
    'That is all, thanks so much',
    'ok thanks bye',
    'you can hang up now',
    'nothing else',
    "I'm done",
    'no',
    'nope thanks',
    'see you',
    'have a nice day',
  ])('hears %j as goodbye', (utterance) => {
    expect(callerIntent(utterance)).toBe('goodbye');
  });

  it.each([
    "don't hang up, what are your hours",
    "that's all I know about returns, how about shipping",
    'no, I need the shipping price',
    'bye the way, are you open on sunday',
  ])('hears %j as a question despite its closing words', (utterance) => {
    expect(callerIntent(utterance)).toBe('question');
  });

  it.each(['thank you', 'Okay, great.', 'hello?', 'yes'])('hears %j as courtesy', (utterance) => {
    expect(callerIntent(utterance)).toBe('courtesy');
  });

  it.each(['', '   ', 'um', 'uh hmm [noise]', '...'])('hears %j as unclear', (utterance) => {
    expect(callerIntent(utterance)).toBe('unclear');
  });

  it('tells thanks from mere assent', () => {
    expect(expressesGratitude('thanks a lot')).toBe(true);
    expect(expressesGratitude('okay')).toBe(false);
  });
});
