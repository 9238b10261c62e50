import { endsMidPhrase } from './mid-phrase';

describe('endsMidPhrase', () => {
  it.each(['I would like to', 'what are your hours and', 'can I book a table for um', 'my account number is'])(
    'hears "%s" as unfinished',
    (text) => expect(endsMidPhrase(text)).toBe(true),
  );

  it.each(['what are your business hours', 'thank you', 'yes', 'I want to cancel my order', ''])(
    'hears "%s" as a phrase that may end here',
    (text) => expect(endsMidPhrase(text)).toBe(false),
  );

  it('ignores case and punctuation', () => expect(endsMidPhrase('Where do I send it TO?')).toBe(true));
});
