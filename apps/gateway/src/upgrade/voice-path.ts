import { createHash } from 'node:crypto';

const VOICE_PREFIX = '/voice/';
/** DESIGN "One public API": `sk_live_` then exactly 64 letters or digits. */
const KEY_FORMAT = /^sk_live_[A-Za-z0-9]{64}$/;

/**
 * The key segment of `/voice/<key>` (query string ignored), or undefined for any other path.
 * The segment is returned as sent, possibly malformed: the format check is a separate answer (400).
 */
export function voiceKeyOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.startsWith(VOICE_PREFIX)) return undefined;
  const key = path.slice(VOICE_PREFIX.length);
  return key.includes('/') ? undefined : key;
}

export function isValidKeyFormat(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/** Hex SHA-256 of the key: how it is stored, cached and sent over the bus. */
export function keyHashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
