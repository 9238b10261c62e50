import { timingSafeEqual } from 'node:crypto';
import { generateRawApiKey, type StoredKey, storedKey } from '@parley/db-identity';

export { API_KEY_PATTERN, hashApiKey } from '@parley/db-identity';

/** A key just made: the raw key (shown to the caller once, never stored) and what is stored. */
export interface NewApiKey extends StoredKey {
  readonly raw: string;
}

export function generateApiKey(): NewApiKey {
  const raw = generateRawApiKey();
  return { raw, ...storedKey(raw) };
}

/** Constant-time equality of two hex digests of the same length. */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
