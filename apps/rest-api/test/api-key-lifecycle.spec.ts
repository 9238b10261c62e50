import { randomUUID } from 'node:crypto';
import { eventSubjects } from '@parley/contracts';
import { WebSocket } from 'ws';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { SqlPool } from '../src/http/sql-pool';
import { callEvents, watchProjection } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/** Resolves with the close code, or 'open' if the socket is still open after `withinMs`. */
function closedWithin(socket: WebSocket, withinMs: number): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), withinMs);
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', (code) => reject(new Error(`closed with ${code} before it opened`)));
  });
}

describe('API keys over their life: last_used_at, and live sockets when the key is revoked', () => {
  let api: RestApiHarness;
  let wsBase: string;

  beforeAll(async () => {
    api = await startRestApi();
    wsBase = api.baseUrl.replace('http', 'ws');
  });

  afterAll(() => api?.close());

  const lastUsedAt = async (keyId: string) =>
    (await api.identity.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt;

  async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  describe('resolution', () => {
    it('reads a key not yet cached once, however many requests carry it at the same moment', async () => {
      const tenant = await api.createTenant();
      const sql = api.app.get(SqlPool);
      const textRows = jest.spyOn(sql, 'textRows');
      try {
        const burst = await Promise.all(Array.from({ length: 20 }, () => api.call('GET', '/api/v1/agents', { bearer: tenant.key })));
        expect(burst.map((res) => res.status)).toEqual(Array(20).fill(200));
        expect(textRows.mock.calls.filter(([name]) => name === 'identity.key-by-hash')).toHaveLength(1);
      } finally {
        textRows.mockRestore();
      }
    });
  });

  describe('last_used_at', () => {
    it('is written on first use, then at most once a minute however often the key is used', async () => {
      const tenant = await api.createTenant();
      expect(await lastUsedAt(tenant.keyId)).toBeNull();

      expect((await api.call('GET', '/api/v1/agents', { bearer: tenant.key })).status).toBe(200);
      const first = await until(() => lastUsedAt(tenant.keyId));
      expect(Date.now() - first.getTime()).toBeLessThan(10_000);

      for (let i = 0; i < 5; i++) await api.call('GET', '/api/v1/agents', { bearer: tenant.key });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await lastUsedAt(tenant.keyId)).toEqual(first);
    });

    it('is written for the key used only: another key of the organization stays unused', async () => {
      const tenant = await api.createTenant();
      const unused = await api.createApiKey(tenant.orgId);
      await api.call('GET', '/api/v1/agents', { bearer: tenant.key });
      await until(() => lastUsedAt(tenant.keyId));
      expect(await lastUsedAt(unused.keyId)).toBeNull();
    });
  });

  describe('live sockets', () => {
    let tenant: TestTenant;
    let callId: string;

    beforeEach(async () => {
      tenant = await api.createTenant();
      const call = callEvents({ orgId: tenant.orgId });
      const probe = watchProjection(api.app.get(CallEventsConsumer));
      await api.bus.publishEvent(eventSubjects.callStarted, call.started(), { msgId: randomUUID() });
      await probe.handled(1);
      callId = call.callId;
    });

    it('close with 4001 within a second when their key is revoked through the API', async () => {
      const monitor = new WebSocket(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      const stream = new WebSocket(`${wsBase}/ws/calls/${callId}?api_key=${tenant.key}`);
      await Promise.all([opened(monitor), opened(stream)]);

      const started = Date.now();
      // Watched from before the revocation: the sockets may close before its answer arrives.
      const closed = Promise.all([closedWithin(monitor, 1_500), closedWithin(stream, 1_500)]);
      const revoked = await api.call('DELETE', `/api/keys/${tenant.keyId}`, { bearer: tenant.token });
      expect(revoked.status).toBe(200);
      expect(await closed).toEqual([4001, 4001]);
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('close when another instance revoked the key (only its key.revoked event arrives here)', async () => {
      const monitor = new WebSocket(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      await opened(monitor);
      const row = await api.identity.apiKey.findUniqueOrThrow({ where: { id: tenant.keyId } });
      const closed = closedWithin(monitor, 1_000); // the live event can arrive before the publish's ack
      await api.bus.publishEvent(
        eventSubjects.keyRevoked,
        { keyId: row.id, orgId: row.orgId, keyHash: row.hash, revokedAt: new Date().toISOString() },
        { msgId: randomUUID() },
      );
      expect(await closed).toBe(4001);
    });

    it('refuse a key revoked a moment ago even while its resolution is cached', async () => {
      expect((await api.call('GET', '/api/v1/agents', { bearer: tenant.key })).status).toBe(200); // cached now
      await api.call('DELETE', `/api/keys/${tenant.keyId}`, { bearer: tenant.token });
      const monitor = new WebSocket(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      const stream = new WebSocket(`${wsBase}/ws/calls/${callId}?api_key=${tenant.key}`);
      expect(await Promise.all([closedWithin(monitor, 2_000), closedWithin(stream, 2_000)])).toEqual([4001, 4001]);
    });

    it('stay open when another key of the organization is revoked', async () => {
      const other = await api.createApiKey(tenant.orgId);
      const monitor = new WebSocket(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      await opened(monitor);
      await api.call('DELETE', `/api/keys/${other.keyId}`, { bearer: tenant.token });
      expect(await closedWithin(monitor, 1_000)).toBe('open');
      monitor.close();
    });
  });
});
