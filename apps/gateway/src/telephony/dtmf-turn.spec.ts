import { dtmfTurnText, isDtmfDigit } from './dtmf-turn';

describe('dtmfTurnText', () => {
  it('is [DTMF <digit>] when the agent has no rule for the digit', () => {
    expect(dtmfTurnText(undefined, '1')).toBe('[DTMF 1]');
    expect(dtmfTurnText({ '2': 'sales' }, '#')).toBe('[DTMF #]');
  });

  it('is the rule’s text when the agent maps the digit to text, else the default', () => {
    expect(dtmfTurnText({ '1': ' I want to talk to sales ' }, '1')).toBe('I want to talk to sales');
    expect(dtmfTurnText({ '1': { action: 'transfer' } }, '1')).toBe('[DTMF 1]');
    expect(dtmfTurnText({ '1': '  ' }, '1')).toBe('[DTMF 1]');
  });
});

describe('isDtmfDigit', () => {
  it.each(['0', '9', '*', '#', 'A', 'D'])('accepts %s', (digit) => expect(isDtmfDigit(digit)).toBe(true));
  it.each(['', '10', 'E', 'a', 1, undefined])('rejects %j', (digit) => expect(isDtmfDigit(digit)).toBe(false));
});
