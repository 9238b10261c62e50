import { randomBytes } from 'node:crypto';

let issued = 0;

/**
 * A short prefix no other test run shares, e.g. `bus_publish_3f9a1c7`: safe as a NATS subject token,
 * a JetStream stream name and a Redis key prefix (lower-case letters, digits and `_` only).
 *
 * Six random hex digits keep processes (Jest workers, concurrent CI runs) apart; the count of names
 * this process has issued, after them, keeps one process's names apart for certain — random digits
 * alone repeat within a thousand names about once in thirty runs.
 */
export function uniqueNamespace(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24);
  issued += 1;
  return `${slug || 'test'}_${randomBytes(3).toString('hex')}${issued.toString(36)}`;
}
