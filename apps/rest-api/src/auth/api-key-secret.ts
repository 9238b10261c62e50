import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** DESIGN "One public API": `sk_live_` and 64 letters or digits. */
export const API_KEY_PATTERN = /^sk_live_[A-Za-z0-9]{64}$/;
const KEY_PREFIX = 'sk_live_';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `sk_live_` and the first four random characters: enough to tell keys apart in a list. */
const SHOWN_PREFIX_LENGTH = 12;

export interface NewApiKey {
  /** Shown to the caller once, never stored. */
  readonly raw: string;
  readonly hash: string;
  readonly prefix: string;
  readonly lastFour: string;
}

export function hashApiKey(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function generateApiKey(): NewApiKey {
  let body = '';
  for (let i = 0; i < 64; i += 1) body += ALPHABET[randomInt(ALPHABET.length)];
  const raw = KEY_PREFIX + body;
  return { raw, hash: hashApiKey(raw), prefix: raw.slice(0, SHOWN_PREFIX_LENGTH), lastFour: raw.slice(-4) };
}

/** Constant-time equality of two hex digests of the same length. */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
