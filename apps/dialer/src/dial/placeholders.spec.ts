import { callContextBlock, fillPlaceholders } from './placeholders';

describe('fillPlaceholders', () => {
  it('fills every placeholder from the context, spaces inside the braces allowed', () => {
    const data = { customer_name: 'John Doe', order_id: '12345' };
    expect(fillPlaceholders('Hello {{customer_name}}, about order {{ order_id }}.', data)).toBe(
      'Hello John Doe, about order 12345.',
    );
  });

  it('leaves unknown, null and missing placeholders empty instead of reading them out', () => {
    expect(fillPlaceholders('Hi {{name}}{{nothing}}!', { nothing: null })).toBe('Hi !');
    expect(fillPlaceholders('Hi {{name}}!', null)).toBe('Hi !');
  });

  it('stringifies numbers, booleans and objects', () => {
    const data = { amount: 42.5, vip: true, address: { city: 'Lyon' } };
    expect(fillPlaceholders('{{amount}} {{vip}} {{address}}', data)).toBe('42.5 true {"city":"Lyon"}');
  });

  it('leaves text without placeholders and single braces alone', () => {
    expect(fillPlaceholders('A {b} {{ }} c', { b: 'x' })).toBe('A {b} {{ }} c');
  });
});

describe('callContextBlock', () => {
  it('lists the context for the LLM, without the simulator script or empty values', () => {
    const block = callContextBlock({ customer_name: 'John', order: { id: 7 }, note: null, simulator: { script: ['Hi'] } });
    expect(block).toBe('Call context:\n- customer_name: John\n- order: {"id":7}');
  });

  it('is empty when there is nothing to tell', () => {
    expect(callContextBlock(null)).toBe('');
    expect(callContextBlock({ simulator: { script: [] } })).toBe('');
  });

  it('stays short however large the context', () => {
    expect(callContextBlock({ blob: 'x'.repeat(50_000) }).length).toBeLessThanOrEqual(4_000);
  });
});
