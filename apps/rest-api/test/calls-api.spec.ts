import { randomUUID } from 'node:crypto';
import { type EventMap, type EventSubject, eventSubjects } from '@parley/contracts';
import { CALLS_DB } from '../src/database/database.tokens';
import type { CallsClient } from '@parley/db-calls';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { callEvents, watchProjection } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('GET /api/v1/calls… against the projected read model (real Postgres, Redis, NATS)', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let other: TestTenant;
  let probe: ReturnType<typeof watchProjection>;
  let published = 0;
  const agentId = randomUUID();
  const taskId = randomUUID();

  const publish = async <S extends EventSubject>(subject: S, payload: EventMap[S]) => {
    await api.bus.publishEvent(subject, payload, { msgId: randomUUID() });
    published++;
  };
  const projected = () => probe.handled(published);
  const get = (path: string, key = tenant.key) => api.call('GET', `/api/v1/calls${path}`, { bearer: key });

  let done: ReturnType<typeof callEvents>;
  let live: ReturnType<typeof callEvents>;
  let failed: ReturnType<typeof callEvents>;
  let foreign: ReturnType<typeof callEvents>;

  beforeAll(async () => {
    api = await startRestApi();
    probe = watchProjection(api.app.get(CallEventsConsumer));
    tenant = await api.createTenant();
    other = await api.createTenant();

    done = callEvents({ orgId: tenant.orgId, agentId, startedAt: '2026-03-31T10:00:00.000Z' });
    await publish(eventSubjects.callStarted, done.started({ direction: 'outbound', taskId, to: '+15551234567' }));
    await publish(eventSubjects.transcriptAppended, done.line(0, 'assistant', 'Hello, this is Acme. How can I help?', 0));
    await publish(eventSubjects.transcriptAppended, done.line(1, 'user', 'I want to change my delivery address.', 4_200));
    await publish(eventSubjects.transcriptAppended, done.line(2, 'assistant', 'Your delivery address is changed. Goodbye!', 65_000));
    await publish(eventSubjects.callEnded, done.ended('AGENT_ENDED', 70_400));
    await publish(eventSubjects.callSettled, done.settled());

    live = callEvents({ orgId: tenant.orgId, startedAt: '2026-03-31T11:00:00.000Z' });
    await publish(eventSubjects.callStarted, live.started());
    failed = callEvents({ orgId: tenant.orgId, agentId, startedAt: '2026-03-31T12:00:00.000Z' });
    await publish(eventSubjects.callStarted, failed.started());
    await publish(eventSubjects.callEnded, failed.ended('PLATFORM_ERROR'));
    foreign = callEvents({ orgId: other.orgId, agentId, startedAt: '2026-03-31T13:00:00.000Z' });
    await publish(eventSubjects.callStarted, foreign.started());
    await projected();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('GET /calls', () => {
    it("lists the organization's calls, newest first, with the page in meta", async () => {
      const res = await get('');

      expect(res.status).toBe(200);
      expect(res.body.data.map((call: { id: string }) => call.id)).toEqual([failed.callId, live.callId, done.callId]);
      expect(res.body.meta.pagination).toEqual({ total: 3, limit: 50, offset: 0, has_more: false });
      expect(res.body.data[2]).toEqual({
        id: done.callId,
        agent_id: agentId,
        task_id: taskId,
        direction: 'outbound',
        channel: 'raw',
        status: 'completed',
        end_reason: 'AGENT_ENDED',
        from_number: null,
        to_number: '+15551234567',
        started_at: '2026-03-31T10:00:00.000Z',
        ended_at: '2026-03-31T10:01:10.400Z',
        duration: 70,
        duration_ms: 70_400,
        turns: 1,
        message_count: 3,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
    });

    it.each([
      ['status=in_progress', () => [live.callId]],
      ['status=failed', () => [failed.callId]],
      [`task_id=${taskId}`, () => [done.callId]],
      [`agent_id=${agentId}`, () => [failed.callId, done.callId]],
      [`agent_id=${agentId}&status=completed`, () => [done.callId]],
    ])('filters by %s', async (query, expected) => {
      const res = await get(`?${query}`);

      expect(res.status).toBe(200);
      expect(res.body.data.map((call: { id: string }) => call.id)).toEqual(expected());
    });

    it('pages with limit and offset', async () => {
      const res = await get('?limit=1&offset=1');

      expect(res.body.data.map((call: { id: string }) => call.id)).toEqual([live.callId]);
      expect(res.body.meta.pagination).toEqual({ total: 3, limit: 1, offset: 1, has_more: true });
    });

    it.each([['status=ringing'], ['agent_id=not-a-uuid'], ['task_id=42'], ['limit=101'], ['offset=-1']])(
      'rejects %s with 400 INVALID_REQUEST naming the field',
      async (query) => {
        const res = await get(`?${query}`);

        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
        expect(res.body.details.issues[0]).toMatchObject({ location: 'query', path: query.split('=')[0] });
      },
    );

    it('answers 401 UNAUTHORIZED without a key, and accepts X-API-Key', async () => {
      const anonymous = await api.call('GET', '/api/v1/calls');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHORIZED');

      const byHeader = await api.call('GET', '/api/v1/calls', { apiKey: tenant.key });
      expect(byHeader.status).toBe(200);
    });

    it("shows another organization only its own calls", async () => {
      const res = await get('', other.key);

      expect(res.body.data.map((call: { id: string }) => call.id)).toEqual([foreign.callId]);
    });
  });

  describe('GET /calls/:id', () => {
    it('returns the call with its transcript, costs and latency', async () => {
      const res = await get(`/${done.callId}`);

      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        id: done.callId,
        status: 'completed',
        transcript: [
          { speaker: 'agent', content: 'Hello, this is Acme. How can I help?', timestamp_ms: 0, interrupted: false },
          { speaker: 'user', content: 'I want to change my delivery address.', timestamp_ms: 4_200 },
          { speaker: 'agent', content: 'Your delivery address is changed. Goodbye!', timestamp_ms: 65_000 },
        ],
        costs: {
          total: 0.0042,
          llm: 0.003,
          stt: 0.001,
          tts: 0.0002,
          currency: 'USD',
          points: 3,
          unpaid_points: 0,
          usage: { seconds: 12, stt_audio_seconds: 6.5, llm_input_tokens: 420, llm_output_tokens: 60, tts_characters: 180 },
          settled_at: done.at(13_000),
        },
        recording: null,
        latency: { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null },
      });
    });

    it('has no costs or report until billing and a report provide them', async () => {
      const res = await get(`/${live.callId}`);

      expect(res.body.data).toMatchObject({ status: 'in_progress', transcript: [], costs: null, report: null });
    });

    it.each([
      ['another organization', () => foreign.callId],
      ['an unknown id', () => randomUUID()],
      ['a malformed id', () => 'not-a-call'],
    ])('answers 404 NOT_FOUND for the call of %s', async (_, id) => {
      for (const path of ['', '/transcript', '/transcript/text', '/report']) {
        const res = await get(`/${id()}${path}`);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND', error: 'Call not found' });
      }
    });
  });

  describe('GET /calls/:id/transcript', () => {
    it('returns the transcript as reference 004 shapes it', async () => {
      const res = await get(`/${done.callId}/transcript`);

      expect(res.status).toBe(200);
      expect(res.body.data.call_id).toBe(done.callId);
      expect(res.body.data.transcripts).toHaveLength(3);
      expect(res.body.data.transcripts[1]).toEqual({
        speaker: 'user',
        content: 'I want to change my delivery address.',
        timestamp_ms: 4_200,
        interrupted: false,
        created_at: done.at(4_200),
      });
    });

    it('returns [mm:ss] Speaker: text lines as text/plain', async () => {
      const res = await get(`/${done.callId}/transcript/text`);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.body).toBe(
        [
          '[00:00] Agent: Hello, this is Acme. How can I help?',
          '[00:04] User: I want to change my delivery address.',
          '[01:05] Agent: Your delivery address is changed. Goodbye!',
        ].join('\n'),
      );
    });
  });

  describe('GET /calls/:id/report', () => {
    it('writes an extractive report on the first read, stores it, and serves the same one after', async () => {
      const first = await get(`/${done.callId}/report`);

      expect(first.status).toBe(200);
      expect(first.body.data).toMatchObject({
        call_id: done.callId,
        outcome: 'completed',
        extracted: {},
        generated_by: 'extractive',
      });
      expect(first.body.data.summary).toContain('The caller said: "I want to change my delivery address."');
      expect(first.body.data.key_points.length).toBeGreaterThan(0);
      const second = await get(`/${done.callId}/report`);
      expect(second.body.data).toEqual(first.body.data);
      const stored = await api.app.get<CallsClient>(CALLS_DB).call.findUniqueOrThrow({ where: { id: done.callId } });
      expect(stored.report).toMatchObject({ generatedBy: 'extractive', generatedAt: first.body.data.generated_at });
      const detail = await get(`/${done.callId}`);
      expect(detail.body.data.report).toEqual(first.body.data);
    });

    it('gives a failed call the failed outcome', async () => {
      const res = await get(`/${failed.callId}/report`);

      expect(res.body.data).toMatchObject({ outcome: 'failed' });
    });

    it('answers 409 CONFLICT while the call is still in progress', async () => {
      const res = await get(`/${live.callId}/report`);

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: { status: 'in_progress' } });
    });

    it("serves the dialer's report of a task call", async () => {
      const task = callEvents({ orgId: tenant.orgId, agentId });
      await publish(eventSubjects.callStarted, task.started({ taskId }));
      await publish(eventSubjects.callEnded, task.ended('HANGUP'));
      await publish(eventSubjects.callReported, task.reported(taskId));
      await projected();

      const res = await get(`/${task.callId}/report`);

      expect(res.body.data).toEqual({
        call_id: task.callId,
        summary: 'The callee confirmed the delivery.',
        outcome: 'completed',
        extracted: { delivery_date: 'Friday' },
        key_points: [],
        generated_by: 'openai',
        generated_at: task.at(14_000),
      });
    });
  });

  it('lists every calls route in the OpenAPI document', async () => {
    const res = await api.call('GET', '/api/v1/openapi.json');
    const paths = Object.keys(res.body.paths);

    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/calls',
        '/api/v1/calls/{id}',
        '/api/v1/calls/{id}/transcript',
        '/api/v1/calls/{id}/transcript/text',
        '/api/v1/calls/{id}/report',
        '/api/v1/calls/{id}/recording',
        '/api/v1/calls/{id}/recording/stream',
      ]),
    );
  });
});
