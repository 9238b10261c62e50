import { DEFAULT_SCRIPT, personaScript } from './persona-script';

describe('personaScript', () => {
  it("reads the task's simulator script in order", () => {
    const data = { customer_name: 'Ann', simulator: { script: ['What are your business hours?', 'Thanks, goodbye'] } };
    expect(personaScript(data)).toEqual(['What are your business hours?', 'Thanks, goodbye']);
  });

  it('skips blank and non-string lines', () => {
    expect(personaScript({ simulator: { script: [' Hi ', '', 7, null, 'Bye'] } })).toEqual(['Hi', 'Bye']);
  });

  it('falls back to the default script without a usable one', () => {
    for (const data of [null, {}, { simulator: 'x' }, { simulator: { script: 'Hi' } }, { simulator: { script: [] } }]) {
      expect(personaScript(data)).toEqual(DEFAULT_SCRIPT);
    }
  });
});
