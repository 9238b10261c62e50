import { randomUUID } from 'node:crypto';
import { eventSubjects, rpcSubjects } from '@parley/contracts';
import { WebhookReceiver } from '@parley/testing';
import { callStarted } from './support/events';
import { eventually, startWebhooks, type WebhooksHarness } from './support/webhooks-harness';

/**
 * A receiver outage, time scaled down: production retries over about 22 hours; here the schedule
 * spans about 25 seconds and the receiver is down for about 3, so every event must arrive once
 * it is back, and none twice.
 */
describe('webhook delivery across a receiver outage', () => {
  let h: WebhooksHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    h = await startWebhooks('webhooks_outage', { WEBHOOKS_RETRY_SCHEDULE_MS: '200,400,800,1600,3200,6400,12800' });
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('delivers every event exactly once to a receiver that was down for a while', async () => {
    const orgId = randomUUID();
    await h.bus.request(rpcSubjects.webhookCreate, { orgId, url: receiver.url() }, { timeoutMs: 15_000 });
    await receiver.down();
    const events = [];
    for (let i = 0; i < 20; i++) {
      const event = callStarted(orgId);
      await h.bus.publishEvent(eventSubjects.callStarted, event, { msgId: event.callId });
      events.push(event);
    }
    const downSince = Date.now();
    await eventually(() => h.db.delivery.count({ where: { orgId, attempts: { gte: 2 } } }), (n) => n === 20, 20_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_000 - (Date.now() - downSince))));
    await receiver.up();

    await receiver.waitForCount(20, 30_000);
    await eventually(() => h.db.delivery.count({ where: { orgId, status: 'delivered' } }), (n) => n === 20, 30_000);
    const calls = receiver.received.map((r) => (JSON.parse(r.body) as { data: { call_id: string } }).data.call_id);
    expect(new Set(calls)).toEqual(new Set(events.map((e) => e.callId)));
    expect(receiver.received).toHaveLength(20);
    expect(await h.db.delivery.count({ where: { orgId, status: 'failed' } })).toBe(0);
  }, 90_000);
});
