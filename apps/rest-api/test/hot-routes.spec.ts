import { AgentPages } from '../src/agents/agent-pages.service';
import { CallPages } from '../src/calls/call-pages';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/**
 * `GET /api/v1/agents` and `GET /api/v1/calls` are answered by the kernel's hot-route lane, not
 * their controllers: every answer must still be the one the controller route would give — auth,
 * rate limit, validation, envelope, headers, errors.
 */
describe('hot routes: the two lists answered before Nest’s per-route pipeline, with the same contract', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant('free'); // 60 requests a minute: the 429 is reachable
  });

  afterAll(() => api?.close());

  it.each([
    ['/api/v1/agents', AgentPages],
    ['/api/v1/calls', CallPages],
  ] as const)('answers %s in the lane, with the success envelope and headers', async (path, pages) => {
    const lane = jest.spyOn(api.app.get<object>(pages) as { serve: () => Promise<void> }, 'serve');
    const res = await api.call('GET', path, { bearer: tenant.key, headers: { 'X-Request-Id': 'hot-route-1' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: [],
      meta: { timestamp: expect.any(String), request_id: 'hot-route-1', pagination: { total: 0, limit: 50, offset: 0, has_more: false } },
    });
    expect(res.headers.get('x-request-id')).toBe('hot-route-1');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(60);
    expect(lane).toHaveBeenCalledTimes(1);
    lane.mockRestore();
  });

  it('labels its requests by route in the HTTP metrics, as the router does', async () => {
    await api.call('GET', '/api/v1/calls?limit=3', { bearer: tenant.key });
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/calls"[^}]*status_code="200"/);
  });

  it('refuses a missing or unknown key with the 401 every /api/v1 route answers', async () => {
    const hot = await api.call('GET', '/api/v1/agents');
    const routed = await api.call('GET', '/api/v1/tasks');
    expect(hot.status).toBe(401);
    expect(hot.body).toEqual({ ...routed.body, meta: { timestamp: expect.any(String), request_id: expect.any(String) } });
    expect(hot.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    const unknown = await api.call('GET', '/api/v1/calls', { bearer: `sk_live_${'x'.repeat(64)}` });
    expect(unknown.body).toMatchObject({ success: false, code: 'UNAUTHORIZED', error: 'Invalid or deactivated API key' });
  });

  it('validates the query with the route’s schema: 400 INVALID_REQUEST naming the field', async () => {
    const res = await api.call('GET', '/api/v1/calls?limit=0&status=lost', { bearer: tenant.key });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
    expect(res.body.details.issues.map((issue: { location: string; path: string }) => `${issue.location}.${issue.path}`).sort()).toEqual([
      'query.limit',
      'query.status',
    ]);
  });

  it('counts against the key’s plan and answers 429 RATE_LIMITED with Retry-After past it', async () => {
    const limited = await api.createTenant('free');
    let last = await api.call('GET', '/api/v1/agents', { bearer: limited.key });
    for (let i = 1; i <= 60 && last.status === 200; i++) last = await api.call('GET', '/api/v1/agents', { bearer: limited.key });
    expect(last.status).toBe(429);
    expect(last.body).toMatchObject({ success: false, code: 'RATE_LIMITED', limit: 60, remaining: 0 });
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('leaves every other method and path to the router', async () => {
    const head = await fetch(`${api.baseUrl}/api/v1/agents`, { method: 'HEAD', headers: { Authorization: `Bearer ${tenant.key}` } });
    expect(head.status).toBe(200);
    const post = await api.call('POST', '/api/v1/agents', { bearer: tenant.key, body: {} });
    expect(post.status).toBe(400);
  });
});
