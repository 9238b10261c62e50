import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SIP_OPTIONS } from './sip-options';
import { twilioSignature } from '../telephony/twilio/twilio-signature';
import { TwilioVoiceController } from './twilio-voice.controller';
import { TwilioVoiceService } from './twilio-voice.service';

describe('POST /telephony/twilio/voice', () => {
  const token = 'twilio-auth-token';
  const publicUrl = 'https://dialer.example.test';
  const answered: unknown[] = [];
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const voice = { answer: (call: unknown) => (answered.push(call), Promise.resolve('<Response><Hangup/></Response>')) };
    const moduleRef = await Test.createTestingModule({
      controllers: [TwilioVoiceController],
      providers: [
        { provide: TwilioVoiceService, useValue: voice },
        { provide: SIP_OPTIONS, useValue: { ticketTtlMs: 60_000, gatewayPublicUrl: 'wss://gw', publicUrl, twilioAuthToken: token } },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (params: Record<string, string>, signature?: string) =>
    fetch(`${base}/telephony/twilio/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    });

  it('answers a signed request with TwiML as text/xml, passing To, From and CallSid', async () => {
    const params = { To: '+18001234567', From: '+15550001111', CallSid: 'CA42' };
    const res = await post(params, twilioSignature(token, `${publicUrl}/telephony/twilio/voice`, params));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toBe('<Response><Hangup/></Response>');
    expect(answered).toContainEqual({ to: '+18001234567', from: '+15550001111', callSid: 'CA42' });
  });

  it('refuses an unsigned or wrongly signed request with 403', async () => {
    const params = { To: '+18001234567', From: '+15550001111', CallSid: 'CA43' };
    expect((await post(params)).status).toBe(403);
    expect((await post(params, twilioSignature('other-token', `${publicUrl}/telephony/twilio/voice`, params))).status).toBe(403);
    expect(answered).not.toContainEqual(expect.objectContaining({ callSid: 'CA43' }));
  });
});
