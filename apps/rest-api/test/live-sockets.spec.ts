import { randomUUID } from 'node:crypto';
import { type EventMap, type EventSubject, eventSubjects } from '@parley/contracts';
import type { CallsClient } from '@parley/db-calls';
import { WebSocket } from 'ws';
import { CALLS_DB } from '../src/database/database.tokens';
import { callEvents } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

interface Message {
  type: string;
  data?: { [field: string]: unknown; transcript?: { text: string }; content?: string; message?: string };
  error?: string;
}

/** A live socket client that keeps every message and its close code. */
class LiveClient {
  readonly messages: Message[] = [];
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString('utf8'))));
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  static connect(url: string): LiveClient {
    return new LiveClient(new WebSocket(url));
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  of(type: string): Message[] {
    return this.messages.filter((message) => message.type === type);
  }

  async next(type: string, count = 1): Promise<Message[]> {
    const deadline = Date.now() + 5_000;
    while (this.of(type).length < count) {
      if (Date.now() > deadline) throw new Error(`no ${count} × ${type} within 5 s; got ${JSON.stringify(this.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.of(type);
  }

  close(): void {
    this.socket.close();
  }
}

describe('live sockets /ws/calls/:id and /ws/monitor, GET /calls/:id/live (real Postgres, Redis, NATS)', () => {
  let api: RestApiHarness;
  let calls: CallsClient;
  let tenant: TestTenant;
  let other: TestTenant;
  let wsBase: string;

  const publish = <S extends EventSubject>(subject: S, payload: EventMap[S]) =>
    api.bus.publishEvent(subject, payload, { msgId: randomUUID() });

  async function liveCall(orgId: string) {
    const events = callEvents({ orgId });
    await calls.call.create({ data: { id: events.callId, orgId, status: 'in_progress', startedAt: new Date() } });
    return events;
  }

  beforeAll(async () => {
    api = await startRestApi();
    calls = api.app.get(CALLS_DB);
    tenant = await api.createTenant();
    other = await api.createTenant();
    wsBase = api.baseUrl.replace('http', 'ws');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('GET /calls/:id/live', () => {
    it("returns reference 002's connection info with a session token", async () => {
      const call = await liveCall(tenant.orgId);
      const res = await api.call('GET', `/api/v1/calls/${call.callId}/live`, { bearer: tenant.key });
      expect(res.status).toBe(200);
      const url = `${wsBase}/ws/calls/${call.callId}`;
      const { data } = res.body;
      expect(data).toEqual({
        websocket_url: url,
        call_id: call.callId,
        temp_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expires_at: expect.any(String),
        connection_info: {
          url,
          auth_method: 'query_param',
          auth_param: 'api_key',
          temp_auth_param: 'session_token',
          example: `${url}?api_key=YOUR_API_KEY`,
          example_session: `${url}?session_token=${data.temp_token}`,
          message_format: 'json',
          message_types: ['connected', 'transcript_update', 'call_status_update', 'error'],
        },
      });
      const ttlMs = Date.parse(data.expires_at) - Date.now();
      expect(ttlMs).toBeGreaterThan(290_000);
      expect(ttlMs).toBeLessThanOrEqual(300_000);
    });

    it("is 404 for another organization's call", async () => {
      const foreign = await liveCall(other.orgId);
      const res = await api.call('GET', `/api/v1/calls/${foreign.callId}/live`, { bearer: tenant.key });
      expect(res.status).toBe(404);
    });
  });

  describe('/ws/calls/:id', () => {
    it('streams the transcript and the status with a session token, answers ping, closes when the call ends', async () => {
      const call = await liveCall(tenant.orgId);
      const { data } = (await api.call('GET', `/api/v1/calls/${call.callId}/live`, { bearer: tenant.key })).body;
      const client = LiveClient.connect(`${data.websocket_url}?session_token=${data.temp_token}`);
      const [connected] = await client.next('connected');
      expect(connected).toEqual({ type: 'connected', data: { call_id: call.callId, status: 'in_progress' } });

      client.send({ type: 'ping' });
      expect((await client.next('pong'))[0]).toEqual({ type: 'pong', timestamp: expect.any(String) });

      await publish(eventSubjects.transcriptAppended, call.line(0, 'assistant', 'Hello, how can I help?'));
      await publish(eventSubjects.transcriptAppended, call.line(1, 'user', 'Where is my order?'));
      const updates = await client.next('transcript_update', 2);
      expect(updates.map((m) => m.data)).toEqual([
        {
          call_id: call.callId,
          transcript: { seq: 0, role: 'agent', text: 'Hello, how can I help?', interrupted: false, timestamp: call.at(0) },
        },
        {
          call_id: call.callId,
          transcript: { seq: 1, role: 'user', text: 'Where is my order?', interrupted: false, timestamp: call.at(1_000) },
        },
      ]);

      await publish(eventSubjects.callEnded, call.ended('CANCELLED'));
      const [status] = await client.next('call_status_update');
      expect(status.data).toEqual({ call_id: call.callId, status: 'failed', end_reason: 'CANCELLED' });
      await expect(client.closed).resolves.toBe(1000);
    });

    it("accepts the organization's API key, and shows nothing of other calls", async () => {
      const call = await liveCall(tenant.orgId);
      const neighbour = await liveCall(tenant.orgId);
      const client = LiveClient.connect(`${wsBase}/ws/calls/${call.callId}?api_key=${tenant.key}`);
      await client.next('connected');
      await publish(eventSubjects.transcriptAppended, neighbour.line(0, 'user', 'not for this socket'));
      await publish(eventSubjects.transcriptAppended, call.line(0, 'user', 'for this socket'));
      const [update] = await client.next('transcript_update');
      expect(update.data?.transcript?.text).toBe('for this socket');
      expect(client.of('transcript_update')).toHaveLength(1);
      client.close();
    });

    it('closes 4001 for a bad key or a token of another call, 4004 for a call of another organization', async () => {
      const call = await liveCall(tenant.orgId);
      const foreign = await liveCall(other.orgId);
      const { data } = (await api.call('GET', `/api/v1/calls/${foreign.callId}/live`, { bearer: other.key })).body;

      await expect(LiveClient.connect(`${wsBase}/ws/calls/${call.callId}?api_key=sk_live_nope`).closed).resolves.toBe(4001);
      await expect(LiveClient.connect(`${wsBase}/ws/calls/${call.callId}`).closed).resolves.toBe(4001);
      const borrowed = LiveClient.connect(`${wsBase}/ws/calls/${call.callId}?session_token=${data.temp_token}`);
      await expect(borrowed.closed).resolves.toBe(4001);
      const foreignCall = LiveClient.connect(`${wsBase}/ws/calls/${foreign.callId}?api_key=${tenant.key}`);
      await expect(foreignCall.closed).resolves.toBe(4004);
      expect(foreignCall.messages).toEqual([]);
    });

    it('says connected then closes at once for a call that is already over', async () => {
      const id = randomUUID();
      await calls.call.create({ data: { id, orgId: tenant.orgId, status: 'completed' } });
      const client = LiveClient.connect(`${wsBase}/ws/calls/${id}?api_key=${tenant.key}`);
      await expect(client.closed).resolves.toBe(1000);
      expect(client.messages).toEqual([{ type: 'connected', data: { call_id: id, status: 'completed' } }]);
    });
  });

  it('drops an upgrade to any other path', async () => {
    const stray = new WebSocket(`${wsBase}/ws/elsewhere`);
    const failed = await new Promise<boolean>((resolve) => {
      stray.once('error', () => resolve(true));
      stray.once('open', () => resolve(false));
    });
    expect(failed).toBe(true);
  });

  describe('/ws/monitor', () => {
    it('closes 4001 for an invalid key', async () => {
      await expect(LiveClient.connect(`${wsBase}/ws/monitor?api_key=sk_live_bad`).closed).resolves.toBe(4001);
      await expect(LiveClient.connect(`${wsBase}/ws/monitor`).closed).resolves.toBe(4001);
    });

    it("sends the organization's call events on the channels subscribed, and nothing of other organizations", async () => {
      const client = LiveClient.connect(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      await new Promise((resolve) => client.socket.once('open', resolve));
      client.send({ action: 'subscribe', channel: 'calls' });
      expect((await client.next('subscribed'))[0]).toEqual({ type: 'subscribed', data: { channel: 'calls' } });

      const mine = callEvents({ orgId: tenant.orgId });
      const theirs = callEvents({ orgId: other.orgId });
      await publish(eventSubjects.callStarted, theirs.started());
      await publish(eventSubjects.callStarted, mine.started({ from: '+15550001111' }));
      await publish(eventSubjects.transcriptAppended, mine.line(0, 'user', 'Hi there'));
      await publish(eventSubjects.callEnded, mine.ended('HANGUP'));
      await client.next('call.status', 2);

      const room = { room_name: mine.callId, call_id: mine.callId };
      expect(client.messages.slice(1)).toEqual([
        { type: 'call.status', data: { ...room, phone_number: '+15550001111', status: 'in_progress' } },
        { type: 'participant.joined', data: { ...room, identity: 'caller', name: 'Caller', joined_at: mine.startedAt } },
        {
          type: 'participant.joined',
          data: { ...room, identity: 'agent', name: 'Agent', agent_id: mine.agentId, joined_at: mine.startedAt },
        },
        {
          type: 'transcript.new',
          data: { ...room, session_id: mine.callId, speaker: 'user', content: 'Hi there', timestamp_ms: Date.parse(mine.at(0)) },
        },
        { type: 'participant.left', data: { ...room, identity: 'caller', reason: 'HANGUP' } },
        { type: 'participant.left', data: { ...room, identity: 'agent', reason: 'HANGUP' } },
        { type: 'call.status', data: { ...room, phone_number: null, status: 'completed', end_reason: 'HANGUP' } },
      ]);
      client.close();
    });

    it('filters by call:<id>, answers ping, and explains a bad request', async () => {
      const client = LiveClient.connect(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      await new Promise((resolve) => client.socket.once('open', resolve));
      const watched = callEvents({ orgId: tenant.orgId });
      const unwatched = callEvents({ orgId: tenant.orgId });
      client.send({ action: 'subscribe', channel: `call:${watched.callId}` });
      client.send({ action: 'listen' });
      client.send({ type: 'ping' });
      await client.next('subscribed');
      await client.next('pong');
      expect((await client.next('error'))[0].data?.message).toContain('subscribe');

      await publish(eventSubjects.transcriptAppended, unwatched.line(0, 'user', 'unwatched'));
      await publish(eventSubjects.transcriptAppended, watched.line(0, 'user', 'watched'));
      const [line] = await client.next('transcript.new');
      expect(line.data?.content).toBe('watched');
      expect(client.of('transcript.new')).toHaveLength(1);
      client.close();
    });

    it("takes reference 004's channel names: rooms for calls, room:<id> for call:<id>", async () => {
      const everything = LiveClient.connect(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      const one = LiveClient.connect(`${wsBase}/ws/monitor?api_key=${tenant.key}`);
      await Promise.all([everything, one].map((client) => new Promise((resolve) => client.socket.once('open', resolve))));
      const watched = callEvents({ orgId: tenant.orgId });
      const unwatched = callEvents({ orgId: tenant.orgId });
      everything.send({ action: 'subscribe', channel: 'rooms' });
      one.send({ action: 'subscribe', channel: `room:${watched.callId}` });
      expect((await everything.next('subscribed'))[0].data).toEqual({ channel: 'rooms' });
      expect((await one.next('subscribed'))[0].data).toEqual({ channel: `room:${watched.callId}` });

      await publish(eventSubjects.transcriptAppended, unwatched.line(0, 'user', 'unwatched'));
      await publish(eventSubjects.transcriptAppended, watched.line(0, 'user', 'watched'));
      await everything.next('transcript.new', 2);
      expect((await one.next('transcript.new')).map((line) => line.data?.room_name)).toEqual([watched.callId]);

      one.send({ action: 'unsubscribe', channel: `room:${watched.callId}` });
      await one.next('unsubscribed');
      await publish(eventSubjects.transcriptAppended, watched.line(1, 'user', 'after'));
      await everything.next('transcript.new', 3);
      expect(one.of('transcript.new')).toHaveLength(1);
      everything.close();
      one.close();
    });
  });
});
