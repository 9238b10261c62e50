import { createHash } from 'node:crypto';
import { isValidKeyFormat, keyHashOf } from './voice-path';

const body = 'aB3'.repeat(21) + 'z';
const key = `sk_live_${body}`;

describe('isValidKeyFormat', () => {
  it('accepts sk_live_ and exactly 64 letters or digits (72 characters)', () => {
    expect(key).toHaveLength(72);
    expect(isValidKeyFormat(key)).toBe(true);
  });

  it.each([
    ['a short key', `sk_live_${body.slice(1)}`],
    ['a long key', `${key}0`],
    ['a test key', `sk_test_${body}`],
    ['a dash in the body', `sk_live_${body.slice(1)}-`],
    ['an underscore in the body', `sk_live_${body.slice(1)}_`],
    ['a percent-encoded character', `sk_live_${body.slice(3)}%41`],
    ['a trailing newline', `${key}\n`],
    ['an empty key', ''],
  ])('rejects %s', (_label, candidate) => {
    expect(isValidKeyFormat(candidate)).toBe(false);
  });
});

describe('keyHashOf', () => {
  it('is the lowercase hex SHA-256 the identity slice stores', () => {
    expect(keyHashOf(key)).toBe(createHash('sha256').update(key).digest('hex'));
    expect(keyHashOf(key)).toMatch(/^[0-9a-f]{64}$/);
  });
});
