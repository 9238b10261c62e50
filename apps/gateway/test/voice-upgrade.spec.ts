import { eventSubjects } from '@parley/contracts';
import { CallLeases } from '../src/leases';
import { rawKey } from './support/fake-identity';
import { startUpgradeHarness, type UpgradeHarness } from './support/upgrade-harness';
import { eventually, hangUp, refusalOf, upgrade, type UpgradeResult } from './support/voice-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function opened(result: UpgradeResult) {
  if (!('socket' in result)) throw new Error(`expected 101, got ${result.status} ${JSON.stringify(result.body)}`);
  return result.socket;
}

describe('voice upgrade on /voice/<key>', () => {
  let h: UpgradeHarness;
  const voice = (key: string) => upgrade(h.baseUrl, `/voice/${key}`);
  const refusal = async (key: string) => refusalOf(await voice(key));

  beforeAll(async () => {
    h = await startUpgradeHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('outcomes', () => {
    it('completes the handshake (101) for an active key bound to an agent with points', async () => {
      const key = h.boundKey();
      const socket = opened(await voice(key.raw));
      await hangUp(socket);
    });

    it('refuses a malformed key with 400 INVALID_KEY_FORMAT before any lookup', async () => {
      const requests = h.identity.requests;
      for (const key of ['sk_live_short', `sk_test_${'a'.repeat(64)}`, `${rawKey()}0`]) {
        await expect(refusal(key)).resolves.toEqual({
          status: 400,
          body: { code: 'INVALID_KEY_FORMAT', message: expect.stringContaining('sk_live_') },
        });
      }
      expect(h.identity.requests).toBe(requests);
    });

    it('refuses an unknown key with 401 KEY_NOT_FOUND', async () => {
      await expect(refusal(rawKey())).resolves.toEqual({
        status: 401,
        body: { code: 'KEY_NOT_FOUND', message: expect.any(String) },
      });
    });

    it('refuses an organization without points with 402 INSUFFICIENT_BALANCE', async () => {
      const key = h.boundKey({ points: 0 });
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 402,
        body: { code: 'INSUFFICIENT_BALANCE', message: expect.any(String) },
      });
    });

    it('refuses a revoked key with 403 KEY_REVOKED', async () => {
      const key = h.identity.addKey({ status: 'revoked' });
      h.billing.setBalance(key.orgId, 1000);
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 403,
        body: { code: 'KEY_REVOKED', message: expect.any(String) },
      });
    });

    it('refuses an unbound key and a key whose agent was deleted with 404 AGENT_NOT_FOUND', async () => {
      const unbound = h.identity.addKey({ agentId: null });
      const agentId = h.identity.addAgent(unbound.orgId);
      const orphan = h.identity.addKey({ orgId: unbound.orgId, agentId });
      h.billing.setBalance(unbound.orgId, 1000);
      h.identity.deleteAgent(agentId);
      for (const key of [unbound, orphan]) {
        await expect(refusal(key.raw)).resolves.toEqual({
          status: 404,
          body: { code: 'AGENT_NOT_FOUND', message: expect.any(String) },
        });
      }
    });

    it("refuses a call over the organization's concurrent-call limit with 429 RATE_LIMITED", async () => {
      const key = h.boundKey({ limit: 1 });
      const first = opened(await voice(key.raw));
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 429,
        body: { code: 'RATE_LIMITED', message: expect.stringContaining('1 concurrent calls') },
      });
      await hangUp(first);
    });

    it('answers 500 PLATFORM_ERROR with an error id and no stack when an RPC fails', async () => {
      const key = h.boundKey();
      jest.spyOn(h.billing, 'balanceOf').mockRejectedValueOnce(new Error('connection refused at Pool.connect'));
      const { status, body } = await refusal(key.raw);
      expect(status).toBe(500);
      expect(body).toEqual({ code: 'PLATFORM_ERROR', message: expect.stringMatching(/retry.*error id [0-9a-f-]{36}/) });
      expect(JSON.stringify(body)).not.toMatch(/Pool\.connect|at .*\.ts/);
    });

    it('answers 500 PLATFORM_ERROR when an RPC does not answer in time', async () => {
      const key = h.boundKey();
      jest.spyOn(h.identity, 'resolve').mockImplementationOnce(async () => {
        await sleep(1000);
        throw new Error('too late');
      });
      const started = Date.now();
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 500, body: { code: 'PLATFORM_ERROR' } });
      expect(Date.now() - started).toBeLessThan(900);
    });

    it('answers an upgrade on any other path with 404 and a JSON body', async () => {
      for (const path of ['/', '/ws', `/voices/${rawKey()}`, `/voice/${rawKey()}/more`]) {
        await expect(upgrade(h.baseUrl, path).then(refusalOf)).resolves.toEqual({
          status: 404,
          body: { code: 'NOT_FOUND', message: expect.stringContaining('/voice/') },
        });
      }
    });

    it('answers a plain GET on /voice/<key> with 426 Upgrade Required', async () => {
      const res = await fetch(`${h.httpUrl}/voice/${rawKey()}`);
      expect(res.status).toBe(426);
      expect(res.headers.get('upgrade')).toBe('websocket');
      const body = { code: 'UPGRADE_REQUIRED', message: expect.stringContaining('WebSocket') };
      await expect(res.json()).resolves.toEqual(body);
    });
  });

  it('counts upgrades by outcome and key cache lookups by result in /metrics', async () => {
    await hangUp(opened(await voice(h.boundKey().raw)));
    await refusal(rawKey());
    const text = await (await fetch(`${h.httpUrl}/metrics`)).text();
    // Positive sample of `name` with `label` among its labels.
    const counted = (name: string, label: string) => new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} [1-9]`, 'm');
    expect(text).toMatch(counted('gateway_voice_upgrades_total', 'code="ACCEPTED"'));
    expect(text).toMatch(counted('gateway_voice_upgrades_total', 'code="KEY_NOT_FOUND"'));
    expect(text).toMatch(counted('gateway_voice_upgrade_duration_seconds_count', 'code="ACCEPTED"'));
    expect(text).toMatch(counted('gateway_key_cache_lookups_total', 'result="miss"'));
  });

  describe('key cache', () => {
    it('admits a second call with the same key without any RPC', async () => {
      const key = h.boundKey();
      await hangUp(opened(await voice(key.raw)));
      const resolves = h.identity.requests;
      const balances = h.billing.requests;
      await hangUp(opened(await voice(key.raw)));
      expect(h.identity.requests).toBe(resolves);
      expect(h.billing.requests).toBe(balances);
    });

    it('remembers an unknown key briefly, so a flood of it reaches rest-api once', async () => {
      const key = rawKey();
      const requests = h.identity.requests;
      for (let i = 0; i < 3; i++) await expect(refusal(key)).resolves.toMatchObject({ status: 401 });
      expect(h.identity.requests).toBe(requests + 1);
    });

    it('refuses a revoked key with 403 as soon as the key.revoked event arrives', async () => {
      const key = h.boundKey();
      await hangUp(opened(await voice(key.raw)));
      h.identity.revoke(key.raw);
      // Without the event, the cached resolution still admits the key: the event is what counts.
      await hangUp(opened(await voice(key.raw)));

      const event = { keyId: key.id, orgId: key.orgId, keyHash: key.hash, revokedAt: new Date().toISOString() };
      await h.bus.publishEvent(eventSubjects.keyRevoked, event, { msgId: `key-revoked:${key.id}` });
      await eventually(async () => (await h.keyCache.get(key.hash)).kind === 'miss');
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 403, body: { code: 'KEY_REVOKED' } });
    });

    it('refuses with 404 once the agent.changed event reports the bound agent deleted', async () => {
      const key = h.boundKey();
      await hangUp(opened(await voice(key.raw)));
      const cached = await h.keyCache.get(key.hash);
      const agentId = cached.kind === 'resolved' ? cached.reply.agent?.agentId : undefined;
      if (!agentId) throw new Error('the key should be cached with its agent');
      h.identity.deleteAgent(agentId);

      const event = { agentId, orgId: key.orgId, change: 'deleted' as const, changedAt: new Date().toISOString() };
      await h.bus.publishEvent(eventSubjects.agentChanged, event, { msgId: `agent-deleted:${agentId}` });
      await eventually(async () => (await h.keyCache.get(key.hash)).kind === 'miss');
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 404, body: { code: 'AGENT_NOT_FOUND' } });
    });
  });

  describe('concurrent-call leases', () => {
    it('releases the lease when the caller hangs up, so the next call fits the limit', async () => {
      const key = h.boundKey({ limit: 1 });
      await hangUp(opened(await voice(key.raw)));
      // The server sees the close a moment after the client does.
      let next: UpgradeResult | undefined;
      await eventually(async () => {
        next = await voice(key.raw);
        return next.status === 101;
      });
      if (next && 'socket' in next) await hangUp(next.socket);
    });

    it('lets the lease of a crashed gateway expire after its TTL', async () => {
      const key = h.boundKey({ limit: 1 });
      // Another gateway took the only slot, then died: it never renews or releases.
      const crashed = new CallLeases(h.redis, {
        keyPrefix: h.redisPrefix,
        ttlMs: 400,
        renewEveryMs: 3_600_000,
        onRenewError: () => undefined,
      });
      expect(await crashed.acquire(key.orgId, 'call-on-a-dead-gateway', 1)).not.toBeNull();
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 429 });
      await sleep(500);
      await hangUp(opened(await voice(key.raw)));
    });
  });
});
