import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type CallTransferRequest, rpcSubjects } from '@parley/contracts';
import { slice } from '@parley/db-dialer';
import { createTestDatabase, FakeTwilioServer, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { silentLogger } from '../../../test/support/dialer-harness';
import { FakeGateway } from './testing/fake-gateway';
import { startTwilioDialerApp } from './testing/twilio-dialer-app';
import { TwilioProvider } from './twilio-provider';
import { TwilioRestClient } from './twilio-rest-client';
import type { TwilioSettings } from './twilio-settings';
import { connectStreamTwiml } from './twiml';

const orgId = '7b2d4e1f-0000-4000-8000-0000000000c1';
const agentId = '7b2d4e1f-0000-4000-8000-0000000000c2';
const TARGET = '+14155550199';
const DIAL = `<Response><Dial>${TARGET}</Dial></Response>`;

describe('Twilio cold transfer', () => {
  let twilio: FakeTwilioServer;
  // Holds each stream until Twilio ends it: a call stays in progress until the transfer.
  let gateway: FakeGateway;
  let streams = 0;

  beforeAll(async () => {
    twilio = await FakeTwilioServer.start();
    gateway = await FakeGateway.start(60_000);
  });

  afterAll(async () => {
    await twilio?.close();
    await gateway?.close();
  });

  /** A live call: Twilio answered and the fake gateway holds its media stream. */
  async function liveCall(client: TwilioRestClient) {
    const twiml = connectStreamTwiml(`${gateway.url}/stream-${++streams}`);
    const { sid } = await client.createCall({ to: '+14155550100', twiml, statusCallback: 'http://127.0.0.1:9/cb' });
    const call = await twilio.waitForCall((candidate) => candidate.sid === sid && candidate.status === 'in-progress');
    await waitUntil(() => streamOf(sid) !== undefined);
    return call;
  }

  const streamOf = (callSid: string) =>
    gateway.streams.find((stream) => stream.events.some((e) => e.event === 'start' && (e.start as { callSid?: string }).callSid === callSid));

  describe('TwilioProvider against the fake Twilio', () => {
    let settings: TwilioSettings;
    let client: TwilioRestClient;
    let provider: TwilioProvider;

    beforeAll(() => {
      settings = {
        apiBaseUrl: twilio.baseUrl,
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        fromNumber: '+14155550123',
        streamBaseUrl: gateway.url,
        statusCallbackUrl: 'http://127.0.0.1:9/telephony/twilio/status',
        machineDetection: 'off',
        requestTimeoutMs: 5000,
      };
      client = new TwilioRestClient(settings);
      provider = new TwilioProvider(settings, client, silentLogger);
    });

    const request = (fields: Partial<CallTransferRequest>): CallTransferRequest => ({ callId: 'call_1', orgId, to: TARGET, ...fields });

    it('gives the live call <Dial> TwiML: Twilio stops its media stream and the call moves on', async () => {
      const call = await liveCall(client);
      await provider.transfer(request({ carrier: 'twilio', carrierCallId: call.sid }));
      expect(call.twimlUpdates).toEqual([DIAL]);
      await waitUntil(() => streamOf(call.sid)?.events.at(-1)?.event === 'stop');
      await call.done;
      expect(call.status).toBe('completed');
    });

    it('refuses, without asking Twilio, a call of another carrier or without a CallSid', async () => {
      const before = twilio.requests.length;
      await expect(provider.transfer(request({}))).rejects.toThrow('the call is not carried by Twilio (carrier: none)');
      await expect(provider.transfer(request({ carrier: 'vonage', carrierCallId: 'abc' }))).rejects.toThrow('(carrier: vonage)');
      await expect(provider.transfer(request({ carrier: 'twilio' }))).rejects.toThrow("did not pass the call's Twilio CallSid");
      await expect(provider.transfer(request({ carrier: 'twilio', carrierCallId: 'CA/../x' }))).rejects.toThrow('is not a Twilio CallSid');
      expect(twilio.requests.length).toBe(before);
    });

    it("passes on Twilio's refusal for a call that is over or unknown", async () => {
      const call = await liveCall(client);
      await client.endCall(call.sid);
      await call.done;
      await expect(provider.transfer(request({ carrier: 'twilio', carrierCallId: call.sid }))).rejects.toMatchObject({ status: 400, code: 21220 });
      await expect(provider.transfer(request({ carrier: 'twilio', carrierCallId: 'CA00000000000000000000000000000000' }))).rejects.toMatchObject({ status: 404, code: 20404 });
    });
  });

  describe('dialer.v1.rpc.call.transfer end to end (the dialer app, TELEPHONY_PROVIDER=twilio)', () => {
    let database: TestDatabase;
    let app: INestApplication;
    let bus: Bus;

    beforeAll(async () => {
      database = await createTestDatabase([slice]);
      const namespace = uniqueNamespace('dialer_twilio_transfer');
      ({ app } = await startTwilioDialerApp({
        databaseUrl: database.url,
        namespace,
        twilio,
        streamBaseUrl: gateway.url,
        fromNumber: '+14155550123',
      }));
      bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'dialer-transfer-spec', namespace });
    });

    afterAll(async () => {
      await bus?.drain();
      await app?.close();
      await database?.drop();
    });

    it("transfers a task's live Twilio call: the dialer posts the <Dial> TwiML and the stream stops", async () => {
      const fields = { name: 'Transfer call', toNumber: '+14155550100' };
      const task = await bus.request(rpcSubjects.dialerTaskCreate, { orgId, agentId, fields }, { timeoutMs: 15_000 });
      const { callId } = await bus.request(rpcSubjects.dialerTaskExecute, { orgId, taskId: task.id }, { timeoutMs: 15_000 });
      const call = await twilio.waitForCall((candidate) => (candidate.params.StatusCallback?.includes(callId) ?? false) && candidate.status === 'in-progress');
      await waitUntil(() => streamOf(call.sid) !== undefined);

      // What the gateway asks once the agent's transfer_call reply has been heard.
      const transfer = { callId, orgId, to: TARGET, carrier: 'twilio', carrierCallId: call.sid };
      await expect(bus.request(rpcSubjects.dialerCallTransfer, transfer, { timeoutMs: 15_000 })).resolves.toEqual({ transferred: true });
      expect(call.twimlUpdates).toEqual([DIAL]);
      await waitUntil(() => streamOf(call.sid)?.events.at(-1)?.event === 'stop');

      // The call is no longer in progress: a second transfer is Twilio's refusal, told to the agent.
      await call.done;
      const again = await bus.request(rpcSubjects.dialerCallTransfer, transfer, { timeoutMs: 15_000 });
      expect(again).toEqual({ transferred: false, reason: expect.stringContaining('error 21220') });
      const webCall = await bus.request(rpcSubjects.dialerCallTransfer, { callId, orgId, to: TARGET }, { timeoutMs: 15_000 });
      expect(webCall).toEqual({ transferred: false, reason: expect.stringContaining('not carried by Twilio') });
    });
  });
});

async function waitUntil(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
