import { agentChangedEventSchema } from './agent-changed.schema';
import { keyRevokedEventSchema } from './key-revoked.schema';

const at = '2026-03-31T10:00:00.000Z';
const hash = 'a'.repeat(64);

describe('key.revoked event', () => {
  const event = { keyId: 'k1', orgId: 'o1', keyHash: hash, revokedAt: at };

  it('accepts a revoked key with its hash', () => {
    expect(keyRevokedEventSchema.parse(event)).toEqual(event);
  });

  it('rejects a raw key or an upper-case hash in place of the hash', () => {
    expect(keyRevokedEventSchema.safeParse({ ...event, keyHash: `sk_live_${'a'.repeat(64)}` }).success).toBe(false);
    expect(keyRevokedEventSchema.safeParse({ ...event, keyHash: 'A'.repeat(64) }).success).toBe(false);
  });
});

describe('agent.changed event', () => {
  const event = { agentId: 'a1', orgId: 'o1', change: 'updated', changedAt: at };

  it('accepts an update and a deletion', () => {
    expect(agentChangedEventSchema.parse(event)).toEqual(event);
    expect(agentChangedEventSchema.safeParse({ ...event, change: 'deleted' }).success).toBe(true);
  });

  it('rejects an unknown kind of change', () => {
    expect(agentChangedEventSchema.safeParse({ ...event, change: 'renamed' }).success).toBe(false);
  });
});
