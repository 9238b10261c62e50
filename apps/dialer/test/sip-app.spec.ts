import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type AgentConfig, rpcSubjects } from '@parley/contracts';
import { slice } from '@parley/db-dialer';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { hashDialTicket } from '../src/dial/dial-ticket';
import { loadConfig } from '../src/config';
import { DialerModule } from '../src/dialer.module';
import { twilioSignature } from '../src/telephony/twilio/twilio-signature';
import { silentLogger } from './support/dialer-harness';

const agent = (agentId: string): AgentConfig => ({
  agentId,
  name: 'Front desk',
  language: 'en',
  greeting: 'Hello!',
  systemPrompt: 'Help.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider: 'local', model: 'local' },
  sttProvider: 'pocketsphinx',
  limits: { maxDurationSec: 600, maxTurns: 50, silenceTimeoutSec: 20 },
  knowledgeBaseIds: [],
});

/** The dialer app as `main.ts` wires it: an inbound Twilio call, from the voice webhook to `dial.admit`. */
describe('dialer app: an inbound Twilio call to a SIP config number', () => {
  const authToken = 'twilio-token-for-spec';
  let database: TestDatabase;
  let app: INestApplication;
  let bus: Bus;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    const namespace = uniqueNamespace('dialer_sip_app');
    const env = {
      PORT: '0',
      DATABASE_URL: database.url,
      BUS_NAMESPACE: namespace,
      TELEPHONY_PROVIDER: 'none',
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_STREAM_BASE_URL: 'wss://voice.example.test',
      TWILIO_STATUS_CALLBACK_URL: 'https://dialer.example.test/telephony/twilio/status',
    };
    const config = loadConfig({ ...process.env, ...env });
    app = await createServiceApp({ name: 'dialer', module: DialerModule.forRoot(config, silentLogger), logger: silentLogger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'dialer-sip-app-spec', namespace });
    bus.serve(rpcSubjects.identityAgentResolve, (r) =>
      Promise.resolve({ agent: agent(r.agentId), plan: 'pro' as const, limits: { maxConcurrentCalls: 3 } }),
    );
  });

  afterAll(async () => {
    await bus?.drain();
    await app?.close();
    await database?.drop();
  });

  const voiceWebhook = (params: Record<string, string>, signature: string) =>
    fetch(`${base}/telephony/twilio/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });

  it('answers a signed voice webhook with a stream whose ticket the gateway can admit once', async () => {
    const orgId = randomUUID();
    const agentId = randomUUID();
    const config = await bus.request(
      rpcSubjects.dialerSipConfigCreate,
      { orgId, keyId: randomUUID(), maxConfigs: 5, fields: { name: 'Front desk', phoneNumber: '+18005550199', agentId } },
      { timeoutMs: 15_000 },
    );
    const params = { To: config.phoneNumber, From: '+15551230000', CallSid: 'CA0001' };
    const signature = twilioSignature(authToken, 'https://dialer.example.test/telephony/twilio/voice', params);
    const res = await voiceWebhook(params, signature);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    const twiml = await res.text();
    const ticket = /url="wss:\/\/voice\.example\.test\/telephony\/twilio\/dial\/([A-Za-z0-9_-]+)"/.exec(twiml)?.[1] ?? '';

    const admitted = await bus.request(rpcSubjects.dialerDialAdmit, { ticketHash: hashDialTicket(ticket) }, { timeoutMs: 15_000 });
    expect(admitted).toMatchObject({ orgId, direction: 'inbound', to: '+18005550199', from: '+15551230000', agent: { agentId } });
    expect(twiml).toContain(`value="${admitted.callId}"`);
    await expect(
      bus.request(rpcSubjects.dialerDialAdmit, { ticketHash: hashDialTicket(ticket) }, { timeoutMs: 15_000 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a voice webhook whose signature does not match (403)', async () => {
    const res = await voiceWebhook({ To: '+18005550199', From: '+15551230000', CallSid: 'CA0002' }, 'bm90LWEtc2lnbmF0dXJl');
    expect(res.status).toBe(403);
  });
});
