import { createHash } from 'node:crypto';

/** DESIGN "One public API": `sk_live_` then exactly 64 letters or digits. */
const KEY_FORMAT = /^sk_live_[A-Za-z0-9]{64}$/;

export function isValidKeyFormat(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/** Hex SHA-256 of the key: how it is stored, cached and sent over the bus. */
export function keyHashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
