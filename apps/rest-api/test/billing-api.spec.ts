import { randomUUID } from 'node:crypto';
import { rpcSubjects } from '@parley/contracts';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/** Billing's side of the contract, answered on the bus the way the billing service does. */
function serveFakeBilling(api: RestApiHarness) {
  const credits: { orgId: string; points: number; idempotencyKey: string }[] = [];
  api.bus.serve(rpcSubjects.billingBalanceGet, async ({ orgId }) => ({ orgId, points: 42, asOf: new Date().toISOString() }));
  api.bus.serve(rpcSubjects.billingPointsCredit, async (request) => {
    credits.push(request);
    return { orgId: request.orgId, entryId: randomUUID(), balanceAfter: 42 + request.points, credited: true };
  });
  api.bus.serve(rpcSubjects.billingLedgerList, async () => ({
    entries: [
      { id: 'e1', kind: 'debit', points: 3, balanceAfter: 42, reason: 'call usage', callId: null, createdAt: new Date().toISOString() },
    ],
    total: 1,
  }));
  api.bus.serve(rpcSubjects.billingUsageSummary, async ({ period, groupBy }) => ({
    period,
    groupBy,
    totals: { costUsd: 0.5, inputTokens: 10, outputTokens: 5, audioMinutes: 1.5, ttsCharacters: 40, calls: 2, points: 90 },
    breakdown: [{ key: '2026-11-21', cost: 0.5, llmCost: 0.3, sttCost: 0.1, ttsCost: 0.1, calls: 2, points: 90 }],
  }));
  api.bus.serve(rpcSubjects.billingUsageCalls, async (request) => ({
    calls: [
      {
        callId: randomUUID(),
        agentId: request.agentId ?? 'a1',
        status: request.status ?? 'completed',
        reason: 'HANGUP',
        startedAt: '2026-11-21T10:00:00.000Z',
        endedAt: '2026-11-21T10:01:00.000Z',
        durationSeconds: 60,
        points: 60,
        cost: { llm: 0.1, stt: 0.2, tts: 0.3, total: 0.6, currency: 'USD' },
      },
    ],
    total: 1,
  }));
  return { credits };
}

describe('billing endpoints', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let fake: ReturnType<typeof serveFakeBilling>;

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant('free');
    fake = serveFakeBilling(api);
  });

  afterAll(() => api?.close());

  it('answers GET /api/v1/usage with the totals and breakdown of reference 004', async () => {
    const res = await api.call('GET', '/api/v1/usage?period=7d&group_by=day', { bearer: tenant.key });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      period: '7d',
      group_by: 'day',
      totals: { cost_usd: 0.5, input_tokens: 10, output_tokens: 5, audio_minutes: 1.5, tts_characters: 40, api_calls: 2, points: 90 },
      breakdown: [{ period: '2026-11-21', cost: 0.5, llm_cost: 0.3, stt_cost: 0.1, tts_cost: 0.1, calls: 2, points: 90 }],
    });
  });

  it('refuses an unknown period with 400 INVALID_REQUEST', async () => {
    const res = await api.call('GET', '/api/v1/usage?period=year', { bearer: tenant.key });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });

  it('answers GET /api/v1/quota with the plan and each resource', async () => {
    const res = await api.call('GET', '/api/v1/quota', { bearer: tenant.key });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      plan: 'free',
      plan_display: 'Free',
      quotas: {
        agents: { limit: 3, used: 0, remaining: 3 },
        api_keys: { limit: 5, used: 1, remaining: 4 },
        team_members: { limit: 2, used: 1, remaining: 1 },
      },
    });
  });

  it('serves the dashboard call logs with their filters, balance and ledger to a session', async () => {
    const logs = await api.call('GET', '/api/usage?agent=a9&status=in_progress&limit=5', { bearer: tenant.token });
    expect(logs.status).toBe(200);
    expect(logs.body.data[0]).toMatchObject({ agent_id: 'a9', status: 'in_progress', costs: { total: 0.6 } });
    expect(logs.body.meta.pagination).toMatchObject({ total: 1, limit: 5 });

    const balance = await api.call('GET', '/api/billing/balance', { bearer: tenant.token });
    expect(balance.body.data).toMatchObject({ points: 42 });
    const ledger = await api.call('GET', '/api/billing/ledger', { bearer: tenant.token });
    expect(ledger.body.data).toEqual([expect.objectContaining({ kind: 'debit', points: 3, balance_after: 42 })]);
  });

  it('refuses the dashboard endpoints to an API key', async () => {
    const res = await api.call('GET', '/api/billing/balance', { bearer: tenant.key });
    expect(res.status).toBe(401);
  });

  it('lets an owner credit points once per idempotency key, and refuses a plain member with 403', async () => {
    const res = await api.call('POST', '/api/billing/credits', {
      bearer: tenant.token,
      body: { points: 100, reason: 'top-up', idempotency_key: 'k1' },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ balance: 142, credited: true });
    expect(fake.credits.at(-1)).toMatchObject({ orgId: tenant.orgId, points: 100, idempotencyKey: `credit:${tenant.orgId}:k1` });

    await api.identity.membership.updateMany({ where: { orgId: tenant.orgId }, data: { role: 'member' } });
    const refused = await api.call('POST', '/api/billing/credits', { bearer: tenant.token, body: { points: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });
  it('refuses an agent create past the plan quota with 429 QUOTA_EXCEEDED and the current usage', async () => {
    const other = await api.createTenant('free');
    const create = () =>
      api.call('POST', '/api/v1/agents', { bearer: other.key, body: { name: 'Support', system_prompt: 'Be brief.' } });
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);

    const refused = await create();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      success: false,
      code: 'QUOTA_EXCEEDED',
      details: { resource: 'agents', limit: 3, used: 3, remaining: 0, plan: 'free', upgrade_url: expect.any(String) },
    });
    const quota = await api.call('GET', '/api/v1/quota', { bearer: other.key });
    expect(quota.body.data.quotas.agents).toEqual({ limit: 3, used: 3, remaining: 0 });
  });
});
