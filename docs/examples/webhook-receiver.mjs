#!/usr/bin/env node
// A minimal Parley webhook receiver that verifies every delivery (plain Node, no dependencies).
//   WEBHOOK_SECRET=whsec_... PORT=8080 node docs/examples/webhook-receiver.mjs
// Answers 204 to a genuine delivery, 401 to a forged or replayed one. See docs/webhooks.md.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.WEBHOOK_SECRET;
const port = Number(process.env.PORT ?? 8080);
const TOLERANCE_S = 300; // refuse deliveries signed more than 5 minutes away from our clock
const seen = new Set(); // X-Webhook-Id values already handled (use a database in production)

if (!secret) {
  console.error('set WEBHOOK_SECRET to the secret shown when the webhook was created');
  process.exit(2);
}

/** True when `signature` is the HMAC-SHA256 of "<timestamp>.<raw body>" under our secret. */
function verify(rawBody, timestamp, signature) {
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const received = Buffer.from(String(signature ?? ''), 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    // Verify the raw bytes, before any JSON parsing: re-serialized JSON would not match.
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const timestamp = Number(req.headers['x-webhook-timestamp']);
    const fresh = Math.abs(Date.now() / 1000 - timestamp) <= TOLERANCE_S;
    if (!fresh || !verify(rawBody, timestamp, req.headers['x-webhook-signature'])) {
      res.writeHead(401).end('invalid signature');
      return;
    }
    const id = req.headers['x-webhook-id'];
    if (!seen.has(id)) {
      seen.add(id);
      const event = JSON.parse(rawBody);
      console.log(JSON.stringify({ id, type: event.event_type }));
    }
    res.writeHead(204).end(); // answer fast (under 10 s); do slow work after answering
  });
});

server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
