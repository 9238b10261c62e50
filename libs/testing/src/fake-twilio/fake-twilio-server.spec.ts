import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTwilioServer } from './fake-twilio-server';
import { twilioRequestSignature } from './twilio-request-signature';

/** Records status callbacks: the form, the signature header and the URL as requested. */
async function callbackReceiver() {
  const received: { url: string; params: Record<string, string>; signature: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', params: Object.fromEntries(new URLSearchParams(body)), signature: String(req.headers['x-twilio-signature']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, base, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('fake Twilio REST API', () => {
  let twilio: FakeTwilioServer;

  beforeAll(async () => {
    twilio = await FakeTwilioServer.start();
  });

  afterAll(() => twilio.close());

  const create = (form: Record<string, string>, auth = `${twilio.accountSid}:${twilio.authToken}`) =>
    fetch(`${twilio.baseUrl}/2010-04-01/Accounts/${twilio.accountSid}/Calls.json`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  const twiml = '<Response><Say>Hello</Say></Response>';

  it("refuses bad credentials with Twilio's 401 body", async () => {
    const res = await create({ To: '+14155550100', From: '+14155550123', Twiml: twiml }, `${twilio.accountSid}:nope`);
    expect(res.status).toBe(401);
    await expect(res.json()).resolves.toEqual({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
  });

  it.each([
    [{ From: '+14155550123', Twiml: twiml }, 21201],
    [{ To: '555', From: '+14155550123', Twiml: twiml }, 21211],
    [{ To: '+14155550100', Twiml: twiml }, 21603],
    [{ To: '+14155550100', From: '+14155550123' }, 21205],
    [{ To: '+14155550100', From: '+14155550123', Twiml: '<Play>x</Play>' }, 21205],
    [{ To: '+14155550100', From: '+14155550123', Twiml: twiml, StatusCallback: 'ftp://x' }, 21609],
    [{ To: '+14155550100', From: '+14155550123', Twiml: twiml, MachineDetection: 'Sometimes' }, 21626],
  ])('validates the create request (%j → %i)', async (form, code) => {
    const res = await create(form);
    expect(res.status).toBe(400);
    await expect(res.json()).resolves.toMatchObject({ code, status: 400 });
  });

  it('reports only `completed` unless other events were asked, signed with the auth token', async () => {
    const receiver = await callbackReceiver();
    try {
      const res = await create({ To: '+14155550100', From: '+14155550123', Twiml: twiml, StatusCallback: `${receiver.base}/cb?x=1` });
      expect(res.status).toBe(201);
      const { sid } = (await res.json()) as { sid: string };
      const call = twilio.calls.find((candidate) => candidate.sid === sid);
      await call?.done;
      expect(receiver.received.map((r) => r.params.CallStatus)).toEqual(['completed']);
      const [only] = receiver.received;
      expect(only.signature).toBe(twilioRequestSignature(twilio.authToken, `${receiver.base}/cb?x=1`, only.params));
      expect(only.params).toMatchObject({ CallSid: sid, AccountSid: twilio.accountSid, Direction: 'outbound-api' });
    } finally {
      await receiver.close();
    }
  });
});
