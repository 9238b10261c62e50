import { randomBytes } from 'node:crypto';

/**
 * A short prefix no other test run shares, e.g. `bus_publish_3f9a1c`: safe as a NATS subject token,
 * a JetStream stream name and a Redis key prefix (lower-case letters, digits and `_` only).
 */
export function uniqueNamespace(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24);
  return `${slug || 'test'}_${randomBytes(3).toString('hex')}`;
}
