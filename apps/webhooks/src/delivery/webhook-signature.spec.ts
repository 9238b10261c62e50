import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"event_type":"test","project_id":"o1","timestamp":"2026-03-31T10:00:00.000Z","data":{}}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`1774951200.${body}`).digest('hex');
    expect(signWebhook(secret, 1774951200, body)).toBe(expected);
  });

  it('verifies only the same secret, timestamp and bytes', () => {
    const signature = signWebhook(secret, 1774951200, body);
    expect(verifyWebhook(secret, 1774951200, body, signature)).toBe(true);
    expect(verifyWebhook('whsec_other', 1774951200, body, signature)).toBe(false);
    expect(verifyWebhook(secret, 1774951201, body, signature)).toBe(false);
    expect(verifyWebhook(secret, 1774951200, `${body} `, signature)).toBe(false);
    expect(verifyWebhook(secret, 1774951200, body, 'not-hex')).toBe(false);
  });

  it('sends the attempt time in seconds, the event id and type, and a signature over both', () => {
    const headers = webhookHeaders({ secret, body, eventId: 'evt_1', eventType: 'test', now: new Date(1774951200_500) });
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-webhook-timestamp': '1774951200',
      'x-webhook-id': 'evt_1',
      'x-webhook-event': 'test',
    });
    expect(verifyWebhook(secret, 1774951200, body, headers['x-webhook-signature'] as string)).toBe(true);
  });

  it('makes a different 256-bit secret every time', () => {
    const secrets = new Set(Array.from({ length: 20 }, newWebhookSecret));
    expect(secrets.size).toBe(20);
    for (const made of secrets) expect(made).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
