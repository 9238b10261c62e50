import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects, rpcSubjects, streams, type TaskWebhookRequestedEvent } from '@parley/contracts';
import { createPrismaClient, type DialerClient, slice } from '@parley/db-dialer';
import {
  createTestDatabase,
  FakeTwilioServer,
  type TestDatabase,
  testInfra,
  twilioRequestSignature,
  uniqueNamespace,
} from '@parley/testing';
import { eventually } from '../../../test/support/eventually';
import { FakeGateway } from './testing/fake-gateway';
import { startTwilioDialerApp } from './testing/twilio-dialer-app';

const orgId = '7b2d4e1f-0000-4000-8000-0000000000b1';
const agentId = '7b2d4e1f-0000-4000-8000-0000000000b2';
const FROM = '+14155550123';

describe('Twilio provider: the dialer against a fake Twilio and a stand-in gateway', () => {
  let database: TestDatabase;
  let db: DialerClient;
  let app: INestApplication;
  let bus: Bus;
  let twilio: FakeTwilioServer;
  let gateway: FakeGateway;
  let callbackUrl: string;
  const webhooks: TaskWebhookRequestedEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    db = createPrismaClient(database.url);
    twilio = await FakeTwilioServer.start();
    gateway = await FakeGateway.start();
    const namespace = uniqueNamespace('dialer_twilio');
    ({ app, callbackUrl } = await startTwilioDialerApp({
      databaseUrl: database.url,
      namespace,
      twilio,
      streamBaseUrl: gateway.url,
      fromNumber: FROM,
    }));
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'dialer-twilio-spec', namespace });
    await bus.consume(streams.dialer, 'twilio-spec-webhooks', async (event) => {
      if (event.subject === eventSubjects.taskWebhookRequested) webhooks.push(event.payload);
    });
  });

  afterAll(async () => {
    await bus?.drain();
    await app?.close();
    await twilio?.close();
    await gateway?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  async function executeTask(toNumber = '+14155550100') {
    const fields = { name: 'Renewal call', toNumber, webhookUrl: 'https://example.com/hooks', webhookEvents: ['call_failed' as const] };
    const task = await bus.request(rpcSubjects.dialerTaskCreate, { orgId, agentId, fields }, { timeoutMs: 15_000 });
    const { callId } = await bus.request(rpcSubjects.dialerTaskExecute, { orgId, taskId: task.id }, { timeoutMs: 15_000 });
    return { taskId: task.id, callId };
  }

  const taskRow = (taskId: string) => db.task.findUniqueOrThrow({ where: { id: taskId } });

  it('creates the call over REST with TwiML that streams to the gateway dial path of the call’s ticket', async () => {
    const { taskId, callId } = await executeTask();
    const call = await twilio.waitForCall((candidate) => candidate.params.StatusCallback?.includes(callId) ?? false);
    expect(call.params).toMatchObject({
      To: '+14155550100',
      From: FROM,
      MachineDetection: 'Enable',
      StatusCallback: `${callbackUrl}?callId=${callId}`,
      StatusCallbackMethod: 'POST',
      StatusCallbackEvent: 'initiated ringing answered completed',
    });
    const ticket = /\/telephony\/twilio\/dial\/([A-Za-z0-9_-]+)$/.exec(call.streamUrl ?? '')?.[1] ?? '';
    expect(call.streamUrl).toBe(`${gateway.url}/telephony/twilio/dial/${ticket}`);
    const stored = await taskRow(taskId);
    expect(stored.dialTicketHash).toBe(createHash('sha256').update(ticket).digest('hex'));

    // Twilio answered, connected the stream to the gateway, and reported every step, all accepted.
    await call.done;
    const stream = gateway.streams.find((candidate) => candidate.path === `/telephony/twilio/dial/${ticket}`);
    expect(stream?.events.map((message) => message.event)).toEqual(['connected', 'start']);
    expect(call.callbacks.map((callback) => [callback.params.CallStatus, callback.status])).toEqual([
      ['initiated', 204],
      ['ringing', 204],
      ['in-progress', 204],
      ['completed', 204],
    ]);
    expect(await taskRow(taskId)).toMatchObject({ status: 'in_progress', lastError: null });
  });

  it.each([
    ['busy', 'BUSY'],
    ['no-answer', 'NO_ANSWER'],
    ['failed', 'CALL_FAILED'],
  ] as const)('fails the task when Twilio reports the call %s, and asks for its call_failed webhook', async (outcome, error) => {
    twilio.script({ outcome });
    const { taskId, callId } = await executeTask();
    const done = await eventually(() => taskRow(taskId), (row) => row.status !== 'in_progress', 15_000);
    expect(done).toMatchObject({ status: 'failed', lastError: error, callId });
    const hook = await eventually(async () => webhooks.find((w) => w.taskId === taskId), Boolean, 15_000);
    expect(hook?.payload).toMatchObject({ event_type: 'call_failed', call_id: callId, data: { error } });
  });

  it('records a machine answer (AMD) so the call’s report says in_voicemail', async () => {
    twilio.script({ answeredBy: 'machine_start' });
    const { taskId, callId } = await executeTask();
    await eventually(() => db.callAnswer.findUnique({ where: { callId } }), (row) => row?.answeredBy === 'machine_start', 15_000);
    // The gateway ran the call (a greeting into the voicemail box) and it ended.
    const startedAt = new Date().toISOString();
    const started = { callId, orgId, agentId, keyId: randomUUID(), direction: 'outbound' as const, taskId, channel: 'twilio', startedAt };
    await bus.publishEvent(eventSubjects.callStarted, started, { msgId: `${callId}:started` });
    const noLatency = { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null };
    const ended = { callId, orgId, agentId, reason: 'HANGUP' as const, durationMs: 9000, turns: 1, endedAt: new Date().toISOString(), latency: noLatency };
    await bus.publishEvent(eventSubjects.callEnded, ended, { msgId: `${callId}:ended` });
    const report = await eventually(() => db.callReport.findUnique({ where: { callId } }), Boolean, 15_000);
    expect(report?.outcome).toBe('in_voicemail');
    expect(await taskRow(taskId)).toMatchObject({ status: 'completed' });
  });

  it('fails the task with a clear error when Twilio refuses the credentials (401, error 20003)', async () => {
    twilio.fail(401, 20003, 'Authenticate');
    const { taskId } = await executeTask();
    const done = await eventually(() => taskRow(taskId), (row) => row.status !== 'in_progress', 15_000);
    expect(done.status).toBe('failed');
    expect(done.lastError).toBe('Twilio refused the call: HTTP 401, error 20003: Authenticate');
  });

  it('fails the task at once on a Twilio validation error (4xx is final) and retries a 5xx', async () => {
    const creates = () => twilio.requests.filter((request) => request.path.endsWith('/Calls.json'));
    const before = creates().length;
    twilio.fail(400, 21211, "Invalid 'To' Phone Number: +14155550100");
    const refused = await executeTask();
    const failed = await eventually(() => taskRow(refused.taskId), (row) => row.status !== 'in_progress', 15_000);
    expect(failed.lastError).toBe("Twilio refused the call: HTTP 400, error 21211: Invalid 'To' Phone Number: +14155550100");
    expect(creates().slice(before).map((request) => request.status)).toEqual([400]);

    twilio.fail(503, 20503, 'Service Unavailable', 2);
    const retried = await executeTask();
    const call = await twilio.waitForCall((candidate) => candidate.params.StatusCallback?.includes(retried.callId) ?? false);
    expect(creates().slice(before + 1).map((request) => request.status)).toEqual([503, 503, 201]);
    await call.done;
    expect(await taskRow(retried.taskId)).toMatchObject({ status: 'in_progress', lastError: null });
  });

  describe('status callback endpoint', () => {
    const params = () => ({
      AccountSid: twilio.accountSid,
      CallSid: 'CA0123456789abcdef0123456789abcdef',
      CallStatus: 'busy',
      To: '+14155550100',
    });

    async function post(url: string, body: Record<string, string>, signature: string | undefined) {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (signature !== undefined) headers['x-twilio-signature'] = signature;
      return fetch(url, { method: 'POST', headers, body: new URLSearchParams(body).toString() });
    }

    it('rejects a callback without a valid X-Twilio-Signature with 403 and changes nothing', async () => {
      const { taskId, callId } = await executeTask();
      const url = `${callbackUrl}?callId=${callId}`;
      const body = params();
      const wrongKey = twilioRequestSignature('not-the-auth-token', url, body);
      const otherUrl = twilioRequestSignature(twilio.authToken, `${callbackUrl}?callId=${randomUUID()}`, body);
      const tampered = twilioRequestSignature(twilio.authToken, url, { ...body, CallStatus: 'ringing' });
      for (const signature of [undefined, '', wrongKey, otherUrl, tampered]) {
        const res = await post(url, body, signature);
        expect(res.status).toBe(403);
        await expect(res.json()).resolves.toMatchObject({ code: 'FORBIDDEN' });
      }
      await twilio.waitForCall((candidate) => (candidate.params.StatusCallback?.includes(callId) ?? false) && candidate.ended);
      expect(await taskRow(taskId)).toMatchObject({ status: 'in_progress', lastError: null });
    });

    it('answers 400 to a signed request that is not a status callback of this account', async () => {
      const callId = randomUUID();
      const url = `${callbackUrl}?callId=${callId}`;
      const foreign = { ...params(), AccountSid: 'AC00000000000000000000000000000000' };
      expect((await post(url, foreign, twilioRequestSignature(twilio.authToken, url, foreign))).status).toBe(400);
      const badStatus = { ...params(), CallStatus: 'exploded' };
      expect((await post(url, badStatus, twilioRequestSignature(twilio.authToken, url, badStatus))).status).toBe(400);
      const noCall = `${callbackUrl}?callId=nope`;
      expect((await post(noCall, params(), twilioRequestSignature(twilio.authToken, noCall, params()))).status).toBe(400);
    });
  });
});
