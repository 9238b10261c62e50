import { randomUUID } from 'node:crypto';
import { eventSubjects } from '@parley/contracts';
import { hashApiKey } from '../src/auth/api-key-secret';
import { ProbeModule } from './support/probe.controller';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('REST kernel: envelope, errors, validation, request ids, API-key auth and rate limits', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startRestApi({ modules: [ProbeModule] });
    tenant = await api.createTenant('pro');
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('success envelope', () => {
    it('wraps a result as {success, data, meta:{timestamp, request_id}} and echoes X-Request-Id', async () => {
      const res = await api.call('GET', '/api/v1/probe/whoami', { bearer: tenant.key });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        success: true,
        data: { name: 'me', orgId: tenant.orgId, keyId: tenant.keyId },
        meta: { timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), request_id: res.headers.get('x-request-id') },
      });
      expect(res.body.meta.request_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps a sane client X-Request-Id and replaces one that is not', async () => {
      const kept = await api.call('GET', '/api/v1/probe/whoami', { bearer: tenant.key, headers: { 'X-Request-Id': 'trace-42.a' } });
      expect(kept.headers.get('x-request-id')).toBe('trace-42.a');
      expect(kept.body.meta.request_id).toBe('trace-42.a');
      const replaced = await api.call('GET', '/api/v1/probe/whoami', {
        bearer: tenant.key,
        headers: { 'X-Request-Id': 'x'.repeat(200) },
      });
      expect(replaced.body.meta.request_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers with the status the endpoint declares', async () => {
      const res = await api.call('POST', '/api/v1/probe', { apiKey: tenant.key, body: { name: 'a' } });
      expect(res.status).toBe(201);
      expect(res.body.data).toEqual({ name: 'a', orgId: tenant.orgId });
    });

    it('puts a list in data and the page figures in meta.pagination', async () => {
      const res = await api.call('GET', '/api/v1/probe?limit=5&offset=4', { bearer: tenant.key });
      expect(res.body.data).toEqual([{ name: 'p4' }, { name: 'p5' }, { name: 'p6' }]);
      expect(res.body.meta.pagination).toEqual({ total: 7, limit: 5, offset: 4, has_more: false });
      const first = await api.call('GET', '/api/v1/probe?limit=2', { bearer: tenant.key });
      expect(first.body.meta.pagination).toEqual({ total: 7, limit: 2, offset: 0, has_more: true });
    });
  });

  describe('error envelope', () => {
    const errorShape = (code: string) => ({
      success: false,
      error: expect.any(String),
      code,
      details: expect.any(Object),
      meta: { timestamp: expect.any(String), request_id: expect.any(String) },
    });

    it('answers an unknown /api route with 404 NOT_FOUND', async () => {
      const res = await api.call('GET', '/api/v1/nothing-here', { bearer: tenant.key });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorShape('NOT_FOUND'));
      expect(res.body.meta.request_id).toBe(res.headers.get('x-request-id'));
    });

    it('answers a malformed JSON body with 400 INVALID_REQUEST and a request id', async () => {
      const res = await api.call('POST', '/api/v1/probe', { bearer: tenant.key, body: '{"name": ' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorShape('INVALID_REQUEST'));
      expect(res.body.error).toBe('Malformed JSON body');
      expect(res.headers.get('x-request-id')).toBe(res.body.meta.request_id);
    });

    it('names every invalid field with its path and message', async () => {
      const res = await api.call('POST', '/api/v1/probe', { bearer: tenant.key, body: { settings: { speed: 9 } } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_REQUEST');
      expect(res.body.details.issues).toEqual([
        { location: 'body', path: 'name', message: expect.any(String) },
        { location: 'body', path: 'settings.speed', message: expect.stringMatching(/4/) },
      ]);
    });

    it('validates the query: limit above 100 is refused', async () => {
      const res = await api.call('GET', '/api/v1/probe?limit=101', { bearer: tenant.key });
      expect(res.status).toBe(400);
      expect(res.body.details.issues).toEqual([{ location: 'query', path: 'limit', message: expect.any(String) }]);
    });

    it('renders a thrown ApiError with its status, code and details', async () => {
      const res = await api.call('GET', '/api/v1/probe/fail/conflict', { bearer: tenant.key });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ success: false, code: 'CONFLICT', error: 'Already there', details: { id: 'x' } });
    });

    it('hides an unexpected error behind 500 INTERNAL_ERROR with an error id and no stack', async () => {
      const res = await api.call('GET', '/api/v1/probe/fail/boom', { bearer: tenant.key });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ ...errorShape('INTERNAL_ERROR'), details: { error_id: expect.any(String) } });
      expect(JSON.stringify(res.body)).not.toMatch(/exploded|secret|at /);
    });

    it('leaves the service routes outside /api in their own shape', async () => {
      const res = await api.call('GET', '/healthz');
      expect(res.status).toBe(200);
      expect(res.body.success).toBeUndefined();
    });
  });

  describe('API-key auth', () => {
    it('accepts the key as Authorization: Bearer and as X-API-Key', async () => {
      expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: tenant.key })).status).toBe(200);
      expect((await api.call('GET', '/api/v1/probe/whoami', { apiKey: tenant.key })).status).toBe(200);
    });

    it('refuses a missing, malformed or unknown key with 401 UNAUTHORIZED', async () => {
      const missing = await api.call('GET', '/api/v1/probe/whoami');
      expect(missing.status).toBe(401);
      expect(missing.body.code).toBe('UNAUTHORIZED');
      const malformed = await api.call('GET', '/api/v1/probe/whoami', { bearer: 'va_123' });
      expect(malformed.status).toBe(401);
      const unknown = await api.call('GET', '/api/v1/probe/whoami', { apiKey: `sk_live_${'a'.repeat(64)}` });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error).toBe('Invalid or deactivated API key');
    });

    it('refuses a key revoked in the database once its cached resolution is gone', async () => {
      const { key, keyId } = await api.createApiKey(tenant.orgId);
      expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: key })).status).toBe(200);
      await api.identity.apiKey.update({ where: { id: keyId }, data: { status: 'revoked', revokedAt: new Date() } });
      // Still cached in process: the key.revoked event is what cuts the cache short.
      await api.bus.publishEvent(
        eventSubjects.keyRevoked,
        { keyId, orgId: tenant.orgId, keyHash: hashApiKey(key), revokedAt: new Date().toISOString() },
        { msgId: `key-revoked:${keyId}` },
      );
      await waitFor(async () => (await api.redis.exists(`${api.config.REST_REDIS_PREFIX}revoked-key:${keyId}`)) === 1);
      const res = await api.call('GET', '/api/v1/probe/whoami', { bearer: key });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('rate limits', () => {
    it('puts X-RateLimit-Limit, -Remaining and -Reset on every response', async () => {
      const first = await api.call('GET', '/api/v1/probe/whoami', { bearer: tenant.key });
      const second = await api.call('GET', '/api/v1/probe/whoami', { bearer: tenant.key });
      expect(first.headers.get('x-ratelimit-limit')).toBe('300');
      expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(Number(first.headers.get('x-ratelimit-remaining')) - 1);
      const reset = Number(first.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
      const failed = await api.call('GET', '/api/v1/probe/fail/conflict', { bearer: tenant.key });
      expect(failed.headers.get('x-ratelimit-limit')).toBe('300');
    });

    it('answers the 61st request of a free key within a minute with 429, Retry-After and 004’s figures', async () => {
      const orgId = await api.createOrganization('free');
      const { key } = await api.createApiKey(orgId);
      const statuses: number[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push((await api.call('GET', '/api/v1/probe/whoami', { bearer: key })).status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const limited = await api.call('GET', '/api/v1/probe/whoami', { bearer: key });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(limited.body).toMatchObject({
        success: false,
        code: 'RATE_LIMITED',
        error: 'Rate limit exceeded',
        limit: 60,
        remaining: 0,
        retry_after: retryAfter,
        details: { limit: 60, remaining: 0, retry_after: retryAfter },
      });
    });

    it('counts each key on its own', async () => {
      const other = await api.createApiKey(tenant.orgId);
      const res = await api.call('GET', '/api/v1/probe/whoami', { bearer: other.key });
      expect(res.headers.get('x-ratelimit-remaining')).toBe('299');
    });
  });

  describe('session auth', () => {
    it('gives the handler the user and the active organization', async () => {
      const res = await api.call('GET', '/api/probe-session', { bearer: tenant.token });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ orgId: tenant.orgId, plan: 'pro', userId: tenant.userId });
    });

    it('refuses an API key, a forged token and a missing token with 401', async () => {
      expect((await api.call('GET', '/api/probe-session', { bearer: tenant.key })).status).toBe(401);
      const forged = `${tenant.token.slice(0, -2)}xx`;
      expect((await api.call('GET', '/api/probe-session', { bearer: forged })).status).toBe(401);
      expect((await api.call('GET', '/api/probe-session')).status).toBe(401);
    });

    it('switches organization with X-Org-Id only for a member, else 403 FORBIDDEN', async () => {
      const second = await api.createOrganization('enterprise');
      await api.identity.membership.create({ data: { orgId: second, userId: tenant.userId } });
      const switched = await api.call('GET', '/api/probe-session', { bearer: tenant.token, headers: { 'X-Org-Id': second } });
      expect(switched.body.data).toMatchObject({ orgId: second, plan: 'enterprise' });
      const stranger = await api.call('GET', '/api/probe-session', {
        bearer: tenant.token,
        headers: { 'X-Org-Id': randomUUID() },
      });
      expect(stranger.status).toBe(403);
      expect(stranger.body.code).toBe('FORBIDDEN');
    });
  });

  describe('OpenAPI, docs page and Postman collection', () => {
    it('lists each documented route with its method, schemas and security', async () => {
      const res = await api.call('GET', '/api/v1/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      const create = res.body.paths['/api/v1/probe'].post;
      expect(create.summary).toBe('Create a probe');
      expect(create.requestBody.content['application/json'].schema.required).toEqual(['name']);
      expect(create.security).toEqual([{ bearerKey: [] }, { apiKeyHeader: [] }]);
      expect(Object.keys(create.responses)).toContain('201');
      const list = res.body.paths['/api/v1/probe'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['limit', 'offset']);
      expect(res.body.paths['/api/probe-session'].get.security).toEqual([{ sessionToken: [] }]);
    });

    it('serves a self-contained HTML page and a Postman v2.1 collection', async () => {
      const page = await api.call('GET', '/api/v1/docs');
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.body).toContain('/api/v1/probe');
      expect(page.body).not.toMatch(/<script|https?:\/\/cdn/);
      const postman = await api.call('GET', '/api/v1/postman.json');
      expect(postman.body.info.schema).toMatch(/v2\.1\.0/);
      const names = postman.body.item.flatMap((folder: { item: { name: string }[] }) => folder.item.map((i) => i.name));
      expect(names).toEqual(expect.arrayContaining(['Create a probe', 'List probes', 'Session probe']));
    });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
