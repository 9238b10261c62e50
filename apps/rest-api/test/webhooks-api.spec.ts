import { BusError } from '@parley/bus';
import { rpcSubjects, type WebhookEndpoint } from '@parley/contracts';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

const at = '2026-03-31T10:00:00.000Z';
const endpoint = (id: string): WebhookEndpoint => ({
  id,
  url: 'https://example.com/hooks',
  events: ['session.started'],
  description: null,
  active: true,
  failureCount: 0,
  disabledAt: null,
  createdAt: at,
  updatedAt: at,
});

describe('/api/v1/webhooks against real Postgres, Redis and NATS (webhooks service played on the bus)', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  const requests: { subject: string; request: unknown }[] = [];

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant();
    const seen = (subject: string, request: unknown) => requests.push({ subject, request });
    api.bus.serve(rpcSubjects.webhookCreate, (request) => {
      seen(rpcSubjects.webhookCreate, request);
      return { ...endpoint('wh_1'), url: request.url, secret: 'whsec_shown_once' };
    });
    api.bus.serve(rpcSubjects.webhookGet, (request) => {
      if (request.webhookId !== 'wh_1') throw new BusError('NOT_FOUND', 'no webhook with this id in the organization');
      return endpoint('wh_1');
    });
    api.bus.serve(rpcSubjects.webhookDeliveriesList, (request) => {
      seen(rpcSubjects.webhookDeliveriesList, request);
      return {
        total: 3,
        deliveries: [
          {
            id: 'd1',
            endpointId: 'wh_1',
            taskId: null,
            eventId: 'evt_1',
            eventType: 'session.started',
            status: 'failed',
            attempts: 9,
            responseCode: 500,
            latencyMs: 42,
            lastError: 'HTTP 500',
            nextAttemptAt: null,
            deliveredAt: null,
            createdAt: at,
          },
        ],
      };
    });
    api.bus.serve(rpcSubjects.webhookTest, (request) => {
      seen(rpcSubjects.webhookTest, request);
      return { eventId: 'evt_test_1', eventType: request.eventType, endpoints: 2 };
    });
  });

  afterAll(() => api?.close());

  it('creates a webhook for the key\'s organization and shows its secret once', async () => {
    const res = await api.call('POST', '/api/v1/webhooks', {
      bearer: tenant.key,
      body: { url: 'https://example.com/hooks', events: ['session.started', 'session.ended'] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      success: true,
      data: { id: 'wh_1', url: 'https://example.com/hooks', secret: 'whsec_shown_once', failure_count: 0, active: true },
    });
    expect(requests.find((r) => r.subject === rpcSubjects.webhookCreate)?.request).toEqual({
      orgId: tenant.orgId,
      url: 'https://example.com/hooks',
      events: ['session.started', 'session.ended'],
    });
  });

  it('refuses an unknown event type and a missing URL with 400 INVALID_REQUEST', async () => {
    const res = await api.call('POST', '/api/v1/webhooks', { bearer: tenant.key, body: { events: ['room.started'] } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
  });

  it('answers 404 NOT_FOUND for a webhook the service does not know in the organization', async () => {
    expect((await api.call('GET', '/api/v1/webhooks/wh_1', { bearer: tenant.key })).body).toMatchObject({
      data: { id: 'wh_1', events: ['session.started'] },
    });
    const res = await api.call('GET', '/api/v1/webhooks/wh_other', { bearer: tenant.key });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
  });

  it('lists deliveries with status, attempts, response code and latency, paginated', async () => {
    const res = await api.call('GET', '/api/v1/webhooks/wh_1/deliveries?status=failed&limit=1', { bearer: tenant.key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      data: [{ id: 'd1', status: 'failed', attempts: 9, response_code: 500, latency_ms: 42, last_error: 'HTTP 500' }],
      meta: { pagination: { total: 3, limit: 1, offset: 0, has_more: true } },
    });
    expect(requests.find((r) => r.subject === rpcSubjects.webhookDeliveriesList)?.request).toEqual({
      orgId: tenant.orgId,
      webhookId: 'wh_1',
      status: 'failed',
      limit: 1,
      offset: 0,
    });
  });

  it('fires a test event, `test` unless another type is given (reference 004 §12)', async () => {
    const res = await api.call('POST', '/api/v1/webhooks/test', { bearer: tenant.key, body: { payload: { hello: 'world' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: { event_id: 'evt_test_1', event_type: 'test', endpoints: 2 } });
    expect(requests.find((r) => r.subject === rpcSubjects.webhookTest)?.request).toEqual({
      orgId: tenant.orgId,
      eventType: 'test',
      payload: { hello: 'world' },
    });
  });

  it('requires an API key', async () => {
    expect((await api.call('GET', '/api/v1/webhooks')).status).toBe(401);
  });
});
