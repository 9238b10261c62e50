import { FakeTwilioServer } from '@parley/testing';
import { TwilioApiError } from './twilio-api.error';
import { TwilioRestClient } from './twilio-rest-client';
import type { TwilioSettings } from './twilio-settings';
import { connectStreamTwiml } from './twiml';

describe('Twilio REST client against the fake Twilio', () => {
  let twilio: FakeTwilioServer;
  let settings: TwilioSettings;

  beforeAll(async () => {
    twilio = await FakeTwilioServer.start();
    settings = {
      apiBaseUrl: twilio.baseUrl,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      fromNumber: '+14155550123',
      streamBaseUrl: 'ws://127.0.0.1:9',
      statusCallbackUrl: 'http://127.0.0.1:9/telephony/twilio/status',
      machineDetection: 'Enable',
      requestTimeoutMs: 5000,
    };
  });

  afterAll(() => twilio?.close());

  // A stream nobody serves: the fake's callee connects, is refused, and the call completes.
  const request = { to: '+14155550100', twiml: connectStreamTwiml('ws://127.0.0.1:9/x'), statusCallback: 'http://127.0.0.1:9/cb' };

  it("answers a created call with Twilio's call resource", async () => {
    const call = await new TwilioRestClient(settings).createCall(request);
    expect(call).toMatchObject({ sid: expect.stringMatching(/^CA[0-9a-f]{32}$/), status: 'queued', to: '+14155550100', from: '+14155550123' });
  });

  it('refuses wrong credentials with 401 and error 20003, final (not retried)', async () => {
    const before = twilio.requests.length;
    const wrong = new TwilioRestClient({ ...settings, authToken: 'wrong' });
    const error = await wrong.createCall(request).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toMatchObject({ status: 401, code: 20003, retryable: false, message: 'Twilio refused the call: HTTP 401, error 20003: Authenticate' });
    expect(twilio.requests.length - before).toBe(1);
  });

  it('says a Twilio it cannot reach may work later', async () => {
    const error = await new TwilioRestClient({ ...settings, apiBaseUrl: 'http://127.0.0.1:9' }).createCall(request).catch((err: unknown) => err);
    expect(error).toMatchObject({ status: 0, retryable: true, message: expect.stringMatching(/^Twilio could not be reached/) });
  });

  it('hangs up a call through REST (Status=completed)', async () => {
    const holding = await FakeTwilioServer.start({ media: (leg) => new Promise((resolve) => leg.signal.addEventListener('abort', () => resolve())) });
    try {
      const client = new TwilioRestClient({ ...settings, apiBaseUrl: holding.baseUrl, accountSid: holding.accountSid, authToken: holding.authToken });
      const { sid } = await client.createCall(request);
      const call = await holding.waitForCall((candidate) => candidate.sid === sid && candidate.status === 'in-progress');
      await client.endCall(sid);
      await call.done;
      expect(call.status).toBe('completed');
      await expect(client.endCall('CA00000000000000000000000000000000')).rejects.toMatchObject({ status: 404, code: 20404 });
    } finally {
      await holding.close();
    }
  });
});
