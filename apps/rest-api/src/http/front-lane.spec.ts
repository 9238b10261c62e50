import { HttpAdapterHost } from '@nestjs/core';
import { InFlightRequests } from '@parley/service';
import { type RestApiHarness, startRestApi, type TestTenant } from '../../test/support/rest-api-harness';
import { AgentPages } from '../agents/agent-pages.service';

/**
 * The front lane answers the hot GETs on the HTTP server, before Express: these hold it to what
 * Express's pipeline gave those requests (test/hot-routes.spec.ts holds the API contract).
 */
describe('front lane: hot GETs answered before Express, with what every response carries', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let expressHandle: jest.SpyInstance;

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant('enterprise');
    const express = api.app.get(HttpAdapterHost).httpAdapter.getInstance() as { handle: () => void };
    expressHandle = jest.spyOn(express, 'handle');
  });

  afterEach(() => expressHandle.mockClear());
  afterAll(() => api?.close());

  it('answers a hot GET without entering Express, and everything else through it', async () => {
    const hot = await api.call('GET', '/api/v1/agents?limit=2', { bearer: tenant.key });
    expect(hot.status).toBe(200);
    expect(hot.body.meta.pagination).toMatchObject({ limit: 2, offset: 0 });
    expect(expressHandle).not.toHaveBeenCalled();
    const routed = await api.call('GET', '/api/v1/agents/', { bearer: tenant.key });
    expect(routed.status).toBe(200);
    expect(expressHandle).toHaveBeenCalledTimes(1);
  });

  it('parses the query as Express does: a repeated parameter is an array the schema refuses', async () => {
    const res = await api.call('GET', '/api/v1/calls?limit=2&limit=3', { bearer: tenant.key });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
    expect(expressHandle).not.toHaveBeenCalled();
  });

  it('renders an unexpected failure as 500 INTERNAL_ERROR with an error id and the request id', async () => {
    const pages = api.app.get(AgentPages);
    const failing = jest.spyOn(pages, 'page').mockRejectedValueOnce(new Error('connection lost: hunter2'));
    const res = await api.call('GET', '/api/v1/agents', { bearer: tenant.key, headers: { 'X-Request-Id': 'lane-500' } });
    failing.mockRestore();
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('lane-500');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      success: false,
      error: 'Internal server error',
      code: 'INTERNAL_ERROR',
      details: { error_id: expect.any(String) },
      meta: { timestamp: expect.any(String), request_id: 'lane-500' },
    });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('counts a lane request as in flight until it has answered, so shutdown waits for it', async () => {
    const inFlight = api.app.get(InFlightRequests);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pages = api.app.get(AgentPages);
    const original = pages.page.bind(pages);
    const slow = jest.spyOn(pages, 'page').mockImplementationOnce(async (...args) => {
      await held;
      return original(...args);
    });
    const answer = api.call('GET', '/api/v1/agents', { bearer: tenant.key });
    await waitFor(() => slow.mock.calls.length === 1);
    let drained = false;
    const drain = inFlight.drained().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    release();
    expect((await answer).status).toBe(200);
    await drain;
    slow.mockRestore();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
