import { randomUUID } from 'node:crypto';
import { eventSubjects, rpcSubjects, streams } from '@parley/contracts';
import { WebhookReceiver } from '@parley/testing';
import { signWebhook } from '../src/delivery/webhook-signature';
import { callStarted, taskWebhookRequested } from './support/events';
import { eventually, startWebhooks, type WebhooksHarness } from './support/webhooks-harness';

const RPC = { timeoutMs: 15_000 };

describe('webhook delivery against real NATS, Postgres and a local receiver', () => {
  let h: WebhooksHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    h = await startWebhooks('webhooks_delivery', { WEBHOOKS_DISABLE_AFTER_FAILURES: '2' });
  });

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    await receiver?.close();
  });

  afterAll(async () => {
    await h?.close();
  });

  const createEndpoint = (orgId: string, url = receiver.url(), events?: string[]) =>
    h.bus.request(rpcSubjects.webhookCreate, { orgId, url, events: events as never }, RPC);

  const publishCallStarted = async (orgId: string) => {
    const event = callStarted(orgId);
    await h.bus.publishEvent(eventSubjects.callStarted, event, { msgId: `${event.callId}:started` });
    return event;
  };

  const deliveriesOf = (endpointId: string) =>
    h.db.delivery.findMany({ where: { endpointId }, orderBy: { createdAt: 'asc' } });

  it('delivers session.started in 004 format, signed over "<timestamp>.<body>" with the endpoint secret', async () => {
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId, receiver.url(), ['session.started']);
    const event = await publishCallStarted(orgId);

    await receiver.waitForCount(1);
    const [request] = receiver.received;
    const timestamp = Number(request?.headers['x-webhook-timestamp']);
    expect(request?.headers['x-webhook-signature']).toBe(signWebhook(endpoint.secret, timestamp, request?.body ?? ''));
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(30);
    expect(request?.headers['x-webhook-event']).toBe('session.started');
    expect(request?.headers['x-webhook-id']).toMatch(/^evt_[0-9a-f]{24}$/);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      event_type: 'session.started',
      project_id: orgId,
      timestamp: event.startedAt,
      data: expect.objectContaining({ session_id: event.callId, call_id: event.callId, direction: 'inbound' }),
    });
    const [row] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'delivered');
    expect(row).toMatchObject({ attempts: 1, responseCode: 200, eventType: 'session.started' });
  });

  it('does not deliver an event type the endpoint did not subscribe to, nor another organization\'s', async () => {
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId, receiver.url(), ['recording.started']);
    await createEndpoint(randomUUID(), receiver.url('/other'));
    await publishCallStarted(orgId);
    const fired = await h.bus.request(rpcSubjects.webhookTest, { orgId, eventType: 'recording.started' }, RPC);

    await receiver.waitForCount(1);
    expect(fired.endpoints).toBe(1);
    expect(receiver.received.map((r) => [r.path, r.headers['x-webhook-event']])).toEqual([['/hooks', 'recording.started']]);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it('retries a 500 with the same id and body until the receiver answers 200', async () => {
    receiver.respond((_, index) => ({ status: index < 2 ? 500 : 200 }));
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId);
    await publishCallStarted(orgId);

    await receiver.waitForCount(3);
    const ids = new Set(receiver.received.map((r) => r.headers['x-webhook-id']));
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect([ids.size, bodies.size]).toEqual([1, 1]);
    const gaps = receiver.received.slice(1).map((r, i) => r.receivedAt - (receiver.received[i]?.receivedAt ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(80);
    expect(gaps[1]).toBeGreaterThanOrEqual(170);
    const [row] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'delivered');
    expect(row).toMatchObject({ attempts: 3, responseCode: 200, lastError: null });
  });

  it('counts a receiver that does not answer within the timeout as failed and retries it', async () => {
    receiver.respond((_, index) => (index === 0 ? { status: 200, delayMs: 6_000 } : { status: 204 }));
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId);
    await publishCallStarted(orgId);

    await receiver.waitForCount(2);
    expect(receiver.received[1]?.headers['x-webhook-id']).toBe(receiver.received[0]?.headers['x-webhook-id']);
    const [row] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'delivered');
    expect(row).toMatchObject({ attempts: 2, responseCode: 204 });
  });

  it('marks a delivery failed after the last retry, visible in the log, and redelivers it on request', async () => {
    receiver.respond(() => ({ status: 503 }));
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId);
    await publishCallStarted(orgId);

    const [failed] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'failed');
    expect(failed).toMatchObject({ attempts: 4, responseCode: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    const log = await h.bus.request(rpcSubjects.webhookDeliveriesList, { orgId, webhookId: endpoint.id, limit: 10, offset: 0 }, RPC);
    expect(log).toMatchObject({ total: 1, deliveries: [{ id: failed?.id, status: 'failed', attempts: 4, responseCode: 503 }] });

    receiver.respond(() => ({ status: 200 }));
    await h.bus.request(rpcSubjects.webhookRedeliver, { orgId, webhookId: endpoint.id, deliveryId: failed?.id ?? '' }, RPC);
    await receiver.waitForCount(5);
    const [redelivered] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'delivered');
    expect(redelivered).toMatchObject({ attempts: 5, responseCode: 200 });
    expect(new Set(receiver.received.map((r) => r.headers['x-webhook-id'])).size).toBe(1);
  });

  it('disables an endpoint after repeated failed deliveries and publishes endpoint.disabled', async () => {
    receiver.respond(() => ({ status: 500 }));
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId);
    const disabled = new Promise((resolve) => {
      void h.bus.consume(streams.webhooks, `spec-${randomUUID()}`, async (event) => {
        if (event.subject === eventSubjects.webhookEndpointDisabled && event.payload.endpointId === endpoint.id) {
          resolve(event.payload);
        }
      });
    });
    await publishCallStarted(orgId);
    await publishCallStarted(orgId);

    await expect(disabled).resolves.toMatchObject({ orgId, endpointId: endpoint.id, consecutiveFailures: 2 });
    const after = await h.bus.request(rpcSubjects.webhookGet, { orgId, webhookId: endpoint.id }, RPC);
    expect(after).toMatchObject({ active: false, failureCount: 2, disabledAt: expect.any(String) });
    expect(after.secret).toBeUndefined();
    const fired = await h.bus.request(rpcSubjects.webhookTest, { orgId, eventType: 'test' }, RPC);
    expect(fired.endpoints).toBe(0);

    const enabled = await h.bus.request(rpcSubjects.webhookUpdate, { orgId, webhookId: endpoint.id, active: true }, RPC);
    expect(enabled).toMatchObject({ active: true, failureCount: 0, disabledAt: null });
  });

  it('queues a redelivered bus event once (same fact, same id)', async () => {
    const orgId = randomUUID();
    const endpoint = await createEndpoint(orgId);
    const event = callStarted(orgId);
    await h.bus.publishEvent(eventSubjects.callStarted, event, { msgId: `a:${event.callId}` });
    await h.bus.publishEvent(eventSubjects.callStarted, event, { msgId: `b:${event.callId}` });

    await receiver.waitForCount(1);
    await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'delivered');
    await h.bus.request(rpcSubjects.webhookTest, { orgId, eventType: 'test' }, RPC);
    await receiver.waitForCount(2);
    expect(receiver.received.map((r) => r.headers['x-webhook-event'])).toEqual(['session.started', 'test']);
  });

  it('delivers a task webhook with reference 002 body, signed with the organization task key', async () => {
    const orgId = randomUUID();
    const event = taskWebhookRequested(orgId, receiver.url('/task-hook'));
    await h.bus.publishEvent(eventSubjects.taskWebhookRequested, event, { msgId: event.eventId });

    await receiver.waitForCount(1);
    const [request] = receiver.received;
    expect(JSON.parse(request?.body ?? '')).toEqual(event.payload);
    expect(request?.headers['x-webhook-id']).toBe(event.eventId);
    const key = await h.db.orgSigningKey.findUniqueOrThrow({ where: { orgId } });
    const timestamp = Number(request?.headers['x-webhook-timestamp']);
    expect(request?.headers['x-webhook-signature']).toBe(signWebhook(key.secret, timestamp, request?.body ?? ''));
    await eventually(() => h.db.delivery.findFirst({ where: { taskId: event.taskId } }), (row) => row?.status === 'delivered');
  });

  it('refuses private and plain-http targets outside the allow-list, at create and at send time', async () => {
    const orgId = randomUUID();
    for (const url of ['https://169.254.169.254/latest/meta-data', 'http://93.184.216.34/hook', 'https://10.0.0.1/hook']) {
      await expect(h.bus.request(rpcSubjects.webhookCreate, { orgId, url }, RPC)).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
    }
    // A URL that passed once but now points inside (DNS changed): the attempt is refused, not sent.
    const endpoint = await createEndpoint(orgId);
    await h.db.endpoint.update({ where: { id: endpoint.id }, data: { url: 'https://10.0.0.1/hook' } });
    await h.bus.request(rpcSubjects.webhookTest, { orgId, eventType: 'test' }, RPC);
    const [row] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'failed');
    expect(row).toMatchObject({ attempts: 1, responseCode: null, lastError: expect.stringContaining('non-public address') });
    expect(receiver.received).toHaveLength(0);
  });

  it('two instances share the queue without sending a delivery twice', async () => {
    const second = await h.startInstance();
    try {
      receiver.respond(() => ({ status: 200, delayMs: 20 }));
      const orgId = randomUUID();
      const endpoint = await createEndpoint(orgId);
      await h.db.delivery.createMany({
        data: Array.from({ length: 60 }, (_, i) => ({
          orgId,
          endpointId: endpoint.id,
          url: receiver.url(),
          eventId: `evt_shared_${i}`,
          eventType: 'test',
          body: JSON.stringify({ i }),
          nextAttemptAt: new Date(),
        })),
      });
      await eventually(() => h.db.delivery.count({ where: { orgId, status: 'delivered' } }), (n) => n === 60);
      // Every request is an attempt one instance claimed and recorded: none was sent by both.
      // (On a starved machine an attempt may time out and be retried: that is a recorded attempt.)
      const ids = receiver.received.map((r) => r.headers['x-webhook-id']);
      const rows = await h.db.delivery.findMany({ where: { orgId } });
      expect(new Set(ids).size).toBe(60);
      expect(ids).toHaveLength(rows.reduce((sum, row) => sum + row.attempts, 0));
    } finally {
      await second.close();
    }
  });
});
