import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
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

  const update = (sid: string, form: Record<string, string>) =>
    fetch(`${twilio.baseUrl}/2010-04-01/Accounts/${twilio.accountSid}/Calls/${sid}.json`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

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

  it('runs new TwiML on a call in progress: the media stream gets `stop` and is closed, the TwiML is kept', async () => {
    const gateway = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(gateway, 'listening');
    const received: string[] = [];
    const closed = new Promise<void>((resolve) =>
      gateway.once('connection', (ws) => {
        ws.on('message', (data) => received.push((JSON.parse(String(data)) as { event: string }).event));
        ws.once('close', () => resolve());
      }),
    );
    try {
      const streamUrl = `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}/stream`;
      const res = await create({ To: '+14155550100', From: '+14155550123', Twiml: `<Response><Connect><Stream url="${streamUrl}"/></Connect></Response>` });
      const { sid } = (await res.json()) as { sid: string };
      const call = await twilio.waitForCall((candidate) => candidate.sid === sid && candidate.status === 'in-progress');
      for (let i = 0; i < 250 && !received.includes('start'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const invalidTwiml = await update(sid, { Twiml: '<Dial>+14155550199</Dial>' });
      expect(invalidTwiml.status).toBe(400);
      await expect(invalidTwiml.json()).resolves.toMatchObject({ code: 21205 });
      const dial = '<Response><Dial>+14155550199</Dial></Response>';
      const redirected = await update(sid, { Twiml: dial });
      expect(redirected.status).toBe(200);
      await closed;
      expect(received).toEqual(['connected', 'start', 'stop']);
      expect(call.twimlUpdates).toEqual([dial]);
      await call.done;
      expect(call.status).toBe('completed');
      const late = await update(sid, { Twiml: dial });
      expect(late.status).toBe(400);
      await expect(late.json()).resolves.toMatchObject({ code: 21220 });
    } finally {
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('refuses new TwiML for a call that is still ringing (21220)', async () => {
    twilio.script({ stepMs: 1_000 });
    const res = await create({ To: '+14155550100', From: '+14155550123', Twiml: twiml });
    const { sid } = (await res.json()) as { sid: string };
    const ringing = await update(sid, { Twiml: '<Response><Dial>+14155550199</Dial></Response>' });
    expect(ringing.status).toBe(400);
    await expect(ringing.json()).resolves.toMatchObject({ code: 21220 });
    const call = twilio.calls.find((candidate) => candidate.sid === sid);
    call?.end();
    await call?.done;
  });
});
