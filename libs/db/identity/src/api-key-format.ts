import { createHash, randomInt } from 'node:crypto';

/** DESIGN "One public API": `sk_live_` and 64 letters or digits (72 characters). */
export const API_KEY_PATTERN = /^sk_live_[A-Za-z0-9]{64}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What the identity slice stores of a key: never the key itself. */
export interface StoredKey {
  /** The first 12 characters, `sk_live_` and four more, to tell keys apart in lists. */
  readonly prefix: string;
  readonly lastFour: string;
  /** Hex sha256 of the whole key: how the gateway and the REST API look a key up. */
  readonly hash: string;
}

/** A new `sk_live_` key with 64 uniformly random letters and digits. */
export function generateRawApiKey(): string {
  let body = '';
  for (let i = 0; i < 64; i += 1) body += ALPHABET[randomInt(ALPHABET.length)];
  return `sk_live_${body}`;
}

export function isApiKey(candidate: string | undefined): candidate is string {
  return candidate !== undefined && API_KEY_PATTERN.test(candidate);
}

export function hashApiKey(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function storedKey(raw: string): StoredKey {
  return { prefix: raw.slice(0, 12), lastFour: raw.slice(-4), hash: hashApiKey(raw) };
}
