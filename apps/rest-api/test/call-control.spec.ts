import { randomUUID } from 'node:crypto';
import type { BusSubscription } from '@parley/bus';
import { BusError } from '@parley/bus';
import { type CallCommand, voiceSubjects } from '@parley/contracts';
import type { CallsClient } from '@parley/db-calls';
import { CALLS_DB } from '../src/database/database.tokens';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/**
 * The REST side of call control against a fake gateway: a responder on the call's command
 * subject in the app's own bus namespace. The gateway's side is `apps/gateway/test/call-commands.spec.ts`.
 */
describe('call control /api/v1/calls/:id/… (real Postgres, Redis, NATS; fake gateway responder)', () => {
  let api: RestApiHarness;
  let calls: CallsClient;
  let tenant: TestTenant;
  let other: TestTenant;
  let liveCallId: string;
  let endedCallId: string;
  let foreignCallId: string;
  let gateway: BusSubscription;
  const received: CallCommand[] = [];
  let refuse: BusError | undefined;

  const post = (path: string, body?: unknown, key = tenant.key) =>
    api.call('POST', `/api/v1/calls${path}`, { bearer: key, body });

  async function createCall(orgId: string, status: 'in_progress' | 'completed'): Promise<string> {
    const id = randomUUID();
    await calls.call.create({ data: { id, orgId, status, startedAt: new Date() } });
    return id;
  }

  beforeAll(async () => {
    api = await startRestApi();
    calls = api.app.get(CALLS_DB);
    tenant = await api.createTenant();
    other = await api.createTenant();
    liveCallId = await createCall(tenant.orgId, 'in_progress');
    endedCallId = await createCall(tenant.orgId, 'completed');
    foreignCallId = await createCall(other.orgId, 'in_progress');
    gateway = api.bus.serve(voiceSubjects.command(liveCallId), (command) => {
      if (refuse) throw refuse;
      received.push(command);
      return { ok: true };
    });
  }, 120_000);

  beforeEach(() => {
    received.length = 0;
    refuse = undefined;
  });

  afterAll(async () => {
    gateway?.unsubscribe();
    await api?.close();
  });

  it('ends a live call with CLIENT_ENDED', async () => {
    const res = await post(`/${liveCallId}/end`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, data: { call_id: liveCallId, message: 'Call ended' } });
    expect(received).toEqual([{ type: 'end', reason: 'CLIENT_ENDED' }]);
  });

  it('cancels a live call with CANCELLED, which the read model counts as failed', async () => {
    const res = await post(`/${liveCallId}/cancel`);
    expect(res.status).toBe(200);
    expect(received).toEqual([{ type: 'end', reason: 'CANCELLED' }]);
  });

  it("answers 404 for another organization's call and for an unknown id, sending nothing", async () => {
    expect((await post(`/${foreignCallId}/end`)).body).toMatchObject({ success: false, code: 'NOT_FOUND' });
    expect((await post(`/${randomUUID()}/end`)).status).toBe(404);
    expect((await post('/not-a-uuid/kick/caller')).status).toBe(404);
    expect(received).toEqual([]);
  });

  it('answers 409 CONFLICT for a call that is over, or that no gateway holds', async () => {
    const ended = await post(`/${endedCallId}/end`);
    expect(ended.status).toBe(409);
    expect(ended.body).toMatchObject({ success: false, code: 'CONFLICT', error: 'The call is not active' });
    const orphan = await createCall(tenant.orgId, 'in_progress'); // no responder: not live anywhere
    const res = await post(`/${orphan}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
  });

  it('whispers to the agent and broadcasts to the caller', async () => {
    const whisper = await post(`/${liveCallId}/send-data`, { data: 'Offer the annual plan', destination_identities: ['agent'] });
    expect(whisper.status).toBe(200);
    expect(whisper.body.data).toEqual({ call_id: liveCallId, delivered_to: ['agent'] });
    const broadcast = await post(`/${liveCallId}/send-data`, { data: { promo: 'SPRING' }, topic: 'chat' });
    expect(broadcast.body.data).toEqual({ call_id: liveCallId, delivered_to: ['caller'] });
    expect(received).toEqual([
      { type: 'whisper', text: 'Offer the annual plan' },
      { type: 'broadcast', data: { promo: 'SPRING' }, topic: 'chat' },
    ]);
  });

  it('refuses send-data without data, to an unknown participant, or an empty whisper', async () => {
    expect((await post(`/${liveCallId}/send-data`, {})).body).toMatchObject({ code: 'INVALID_REQUEST' });
    const unknown = await post(`/${liveCallId}/send-data`, { data: 'x', destination_identities: ['supervisor'] });
    expect(unknown.status).toBe(400);
    const empty = await post(`/${liveCallId}/send-data`, { data: '  ', destination_identities: ['agent'] });
    expect(empty.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('mutes and unmutes the caller; the agent cannot be muted', async () => {
    const muted = await post(`/${liveCallId}/participants/caller/mute`, { muted: true });
    expect(muted.body.data).toEqual({ call_id: liveCallId, identity: 'caller', muted: true });
    await post(`/${liveCallId}/participants/caller/mute`, { muted: false });
    expect(received).toEqual([{ type: 'mute' }, { type: 'unmute' }]);
    expect((await post(`/${liveCallId}/participants/agent/mute`, { muted: true })).status).toBe(400);
    expect((await post(`/${liveCallId}/participants/caller/mute`, {})).status).toBe(400);
  });

  it('kicks either participant by ending the call with KICKED; an unknown identity is 404', async () => {
    expect((await post(`/${liveCallId}/kick/caller`)).status).toBe(200);
    expect((await post(`/${liveCallId}/kick/bob`)).status).toBe(404);
    expect(received).toEqual([{ type: 'end', reason: 'KICKED' }]);
  });

  it('starts and stops recording, and passes the gateway refusal on as 409', async () => {
    const start = await post(`/${liveCallId}/recordings/start`);
    expect(start.body.data).toEqual({ call_id: liveCallId, format: 'wav', status: 'recording' });
    const stop = await post(`/${liveCallId}/recordings/stop`);
    expect(stop.body.data).toEqual({ call_id: liveCallId, format: 'wav', status: 'stopped' });
    expect(received).toEqual([{ type: 'recording-start' }, { type: 'recording-stop' }]);

    refuse = new BusError('CONFLICT', 'the call is already being recorded');
    const again = await post(`/${liveCallId}/recordings/start`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', error: 'the call is already being recorded' });
  });

  it("requires the organization's API key", async () => {
    expect((await api.call('POST', `/api/v1/calls/${liveCallId}/end`)).status).toBe(401);
    expect((await post(`/${liveCallId}/end`, undefined, other.key)).status).toBe(404);
  });
});
