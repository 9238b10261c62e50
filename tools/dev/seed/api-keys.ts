// The key format lives with the identity slice that stores keys; the seed, benches and e2e
// fixtures import it from here under the names they always used.
export { generateRawApiKey as generateApiKey, isApiKey, storedKey } from '@parley/db-identity';
export type { StoredKey } from '@parley/db-identity';

/** `sk_live_AbCd…wxyz`: enough to recognise a key, useless to anyone reading a terminal. */
export function maskKey(raw: string): string {
  return `${raw.slice(0, 12)}…${raw.slice(-4)}`;
}
