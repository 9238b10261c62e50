import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers every delivery carries (docs/webhooks.md "Verifying a delivery"). */
export const WEBHOOK_HEADERS = {
  signature: 'x-webhook-signature',
  timestamp: 'x-webhook-timestamp',
  id: 'x-webhook-id',
  event: 'x-webhook-event',
} as const;

/**
 * Hex HMAC-SHA256, keyed with the endpoint's secret, of `${timestamp}.${body}`: the Unix time in
 * seconds from `X-Webhook-Timestamp`, a dot, then the raw request body. Covering the timestamp
 * lets a receiver refuse replays of an old delivery.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Constant-time check of a received signature, as a receiver does it (used by the docs example too). */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  const received = Buffer.from(signature, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** `whsec_` and 32 random bytes: the secret an endpoint signs with, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The headers of one attempt; the timestamp is the attempt's own, the id the event's. */
export function webhookHeaders(input: { secret: string; body: string; eventId: string; eventType: string; now: Date }) {
  const timestamp = Math.floor(input.now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signWebhook(input.secret, timestamp, input.body),
    [WEBHOOK_HEADERS.id]: input.eventId,
    [WEBHOOK_HEADERS.event]: input.eventType,
  };
}
