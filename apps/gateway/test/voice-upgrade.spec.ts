import { CallLeases } from '../src/leases';
import { startUpgradeHarness, type UpgradeHarness } from './support/upgrade-harness';
import { rawKey } from './support/seed-rows';
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
      const key = await h.seed.boundKey();
      const socket = opened(await voice(key.raw));
      await hangUp(socket);
    });

    it('refuses a malformed key with 400 INVALID_KEY_FORMAT before any lookup', async () => {
      const resolve = jest.spyOn(h.keyResolve, 'resolve');
      for (const key of ['sk_live_short', `sk_test_${'a'.repeat(64)}`, `${rawKey()}0`]) {
        await expect(refusal(key)).resolves.toEqual({
          status: 400,
          body: { code: 'INVALID_KEY_FORMAT', message: expect.stringContaining('sk_live_') },
        });
      }
      expect(resolve).not.toHaveBeenCalled();
    });

    it('refuses an unknown key with 401 KEY_NOT_FOUND', async () => {
      await expect(refusal(rawKey())).resolves.toEqual({
        status: 401,
        body: { code: 'KEY_NOT_FOUND', message: expect.any(String) },
      });
    });

    it('refuses an organization without points with 402 INSUFFICIENT_BALANCE', async () => {
      const key = await h.seed.boundKey({ points: 0 });
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 402,
        body: { code: 'INSUFFICIENT_BALANCE', message: expect.any(String) },
      });
    });

    it('refuses a revoked key with 403 KEY_REVOKED', async () => {
      const orgId = await h.seed.org();
      const key = await h.seed.key(orgId, await h.seed.agent(orgId), 'revoked');
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 403,
        body: { code: 'KEY_REVOKED', message: expect.any(String) },
      });
    });

    it('refuses an unbound key and a key whose agent was deleted with 404 AGENT_NOT_FOUND', async () => {
      const orgId = await h.seed.org();
      const unbound = await h.seed.key(orgId, null);
      const agentId = await h.seed.agent(orgId);
      const orphan = await h.seed.key(orgId, agentId);
      await h.db.agents.agent.delete({ where: { id: agentId } });
      for (const key of [unbound, orphan]) {
        await expect(refusal(key.raw)).resolves.toEqual({
          status: 404,
          body: { code: 'AGENT_NOT_FOUND', message: expect.any(String) },
        });
      }
    });

    it("refuses a call over the organization's concurrent-call limit with 429 RATE_LIMITED", async () => {
      const key = await h.seed.boundKey({ concurrentCallLimit: 1 });
      const first = opened(await voice(key.raw));
      await expect(refusal(key.raw)).resolves.toEqual({
        status: 429,
        body: { code: 'RATE_LIMITED', message: expect.stringContaining('1 concurrent calls') },
      });
      await hangUp(first);
    });

    it('answers 500 PLATFORM_ERROR with an error id and no stack when an RPC fails', async () => {
      const key = await h.seed.boundKey();
      jest.spyOn(h.balance, 'balanceOf').mockRejectedValueOnce(new Error('connection refused at Pool.connect'));
      const { status, body } = await refusal(key.raw);
      expect(status).toBe(500);
      expect(body).toEqual({ code: 'PLATFORM_ERROR', message: expect.stringMatching(/retry.*error id [0-9a-f-]{36}/) });
      expect(JSON.stringify(body)).not.toMatch(/Pool\.connect|at .*\.ts/);
    });

    it('answers 500 PLATFORM_ERROR when an RPC does not answer in time', async () => {
      const key = await h.seed.boundKey();
      jest.spyOn(h.keyResolve, 'resolve').mockImplementationOnce(async () => {
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
    await hangUp(opened(await voice((await h.seed.boundKey()).raw)));
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
      const key = await h.seed.boundKey();
      await hangUp(opened(await voice(key.raw)));
      const resolve = jest.spyOn(h.keyResolve, 'resolve');
      const balance = jest.spyOn(h.balance, 'balanceOf');
      await hangUp(opened(await voice(key.raw)));
      expect(resolve).not.toHaveBeenCalled();
      expect(balance).not.toHaveBeenCalled();
    });

    it('remembers an unknown key briefly, so a flood of it reaches rest-api once', async () => {
      const key = rawKey();
      const resolve = jest.spyOn(h.keyResolve, 'resolve');
      for (let i = 0; i < 3; i++) await expect(refusal(key)).resolves.toMatchObject({ status: 401 });
      expect(resolve).toHaveBeenCalledTimes(1);
    });

    it('refuses a revoked key with 403 as soon as the key.revoked event arrives', async () => {
      const key = await h.seed.boundKey();
      await hangUp(opened(await voice(key.raw)));
      const revokedAt = new Date();
      await h.db.identity.apiKey.update({ where: { id: key.id }, data: { status: 'revoked', revokedAt } });
      // Without the event, the cached resolution still admits the key: the event is what counts.
      await hangUp(opened(await voice(key.raw)));

      const event = { keyId: key.id, orgId: key.orgId, keyHash: key.hash, revokedAt: revokedAt.toISOString() };
      await h.invalidation.keyRevoked(event);
      await eventually(async () => (await h.keyCache.get(key.hash)).kind === 'miss');
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 403, body: { code: 'KEY_REVOKED' } });
    });

    it('refuses with 404 once the agent.changed event reports the bound agent deleted', async () => {
      const key = await h.seed.boundKey();
      await hangUp(opened(await voice(key.raw)));
      const cached = await h.keyCache.get(key.hash);
      const agentId = cached.kind === 'resolved' ? cached.reply.agent?.agentId : undefined;
      if (!agentId) throw new Error('the key should be cached with its agent');
      await h.db.agents.agent.delete({ where: { id: agentId } });

      const changedAt = new Date().toISOString();
      await h.invalidation.agentChanged({ agentId, orgId: key.orgId, change: 'deleted', changedAt });
      await eventually(async () => (await h.keyCache.get(key.hash)).kind === 'miss');
      await expect(refusal(key.raw)).resolves.toMatchObject({ status: 404, body: { code: 'AGENT_NOT_FOUND' } });
    });
  });

  describe('concurrent-call leases', () => {
    it('releases the lease when the caller hangs up, so the next call fits the limit', async () => {
      const key = await h.seed.boundKey({ concurrentCallLimit: 1 });
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
      const key = await h.seed.boundKey({ concurrentCallLimit: 1 });
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
