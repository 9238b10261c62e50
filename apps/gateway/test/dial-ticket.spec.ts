import { randomUUID } from 'node:crypto';
import { type CallStartedEvent, eventSubjects } from '@parley/contracts';
import { TwilioMediaStreamClient } from '@parley/testing';
import { waitFor } from './call-support/call-harness';
import { hangUp, refusalOf, upgrade, type UpgradeResult } from './support/voice-client';
import { startUpgradeHarness, type UpgradeHarness } from './support/upgrade-harness';
import { FakeDialer } from './telephony-support/fake-dialer';

function opened(result: UpgradeResult) {
  if (!('socket' in result)) throw new Error(`expected 101, got ${result.status} ${JSON.stringify(result.body)}`);
  return result.socket;
}

describe('calls admitted by one-time dial ticket (/voice/dial/<ticket>, /telephony/<carrier>/dial/<ticket>)', () => {
  let h: UpgradeHarness;
  let dialer: FakeDialer;
  const started: CallStartedEvent[] = [];
  const startedFor = (callId: string) => started.find((event) => event.callId === callId);
  /** A ticket of an org with points. */
  const ticketWithPoints = (options: { maxConcurrentCalls?: number } = {}) => {
    const orgId = randomUUID();
    h.billing.setBalance(orgId, 1000);
    return dialer.issue(orgId, options);
  };

  beforeAll(async () => {
    h = await startUpgradeHarness();
    dialer = new FakeDialer();
    dialer.serve(h.bus);
    h.bus.tapEvents([eventSubjects.callStarted], (event) => void started.push(event.payload));
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('starts the raw call under the dialer’s call id, with its direction, task and numbers', async () => {
    const { ticket, reply } = ticketWithPoints();
    const socket = opened(await upgrade(h.baseUrl, `/voice/dial/${ticket}`));
    await waitFor(() => startedFor(reply.callId) !== undefined, 5_000, 'call.started');
    expect(startedFor(reply.callId)).toMatchObject({
      orgId: reply.orgId,
      keyId: reply.keyId,
      agentId: reply.agent.agentId,
      direction: 'outbound',
      channel: 'raw',
      taskId: reply.taskId,
      from: '+15550100',
      to: '+15550142',
    });
    await hangUp(socket);
  });

  it('refuses a used, an unknown and a malformed ticket with 404 NOT_FOUND before the handshake', async () => {
    const { ticket } = ticketWithPoints();
    await hangUp(opened(await upgrade(h.baseUrl, `/voice/dial/${ticket}`)));
    const notFound = { status: 404, body: { code: 'NOT_FOUND', message: expect.stringContaining('ticket') } };
    await expect(upgrade(h.baseUrl, `/voice/dial/${ticket}`).then(refusalOf)).resolves.toEqual(notFound);
    await expect(upgrade(h.baseUrl, `/telephony/twilio/dial/${'x'.repeat(43)}`).then(refusalOf)).resolves.toEqual(notFound);
    const requests = dialer.requests;
    await expect(upgrade(h.baseUrl, '/voice/dial/short').then(refusalOf)).resolves.toEqual(notFound);
    expect(dialer.requests).toBe(requests);
  });

  it('starts a Twilio call on its ticket once the stream starts, as channel twilio with the dialer’s numbers', async () => {
    const { ticket, reply } = ticketWithPoints();
    const call = await TwilioMediaStreamClient.connect(`${h.baseUrl}/telephony/twilio/dial/${ticket}`, {
      parameters: { from: '+19990000000' },
    });
    await waitFor(() => startedFor(reply.callId) !== undefined, 5_000, 'call.started');
    expect(startedFor(reply.callId)).toMatchObject({ channel: 'twilio', direction: 'outbound', from: '+15550100', to: '+15550142' });
    call.hangUp();
    await call.closed;
  });

  it('checks the balance and the concurrency limit as for a keyed call', async () => {
    const broke = dialer.issue(randomUUID());
    await expect(upgrade(h.baseUrl, `/voice/dial/${broke.ticket}`).then(refusalOf)).resolves.toMatchObject({
      status: 402,
      body: { code: 'INSUFFICIENT_BALANCE' },
    });
    const first = ticketWithPoints({ maxConcurrentCalls: 1 });
    const socket = opened(await upgrade(h.baseUrl, `/voice/dial/${first.ticket}`));
    const second = dialer.issue(first.reply.orgId, { maxConcurrentCalls: 1 });
    await expect(upgrade(h.baseUrl, `/voice/dial/${second.ticket}`).then(refusalOf)).resolves.toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
    await hangUp(socket);
  });

  it('refuses an unknown carrier with 404 naming the carriers it serves', async () => {
    const result = refusalOf(await upgrade(h.baseUrl, `/telephony/carrier-pigeon/${'k'.repeat(10)}`));
    expect(result).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: expect.stringContaining('twilio, vonage') } });
  });

  it('frees the slot when the carrier hangs up before starting its stream', async () => {
    const { ticket, reply } = ticketWithPoints({ maxConcurrentCalls: 1 });
    await hangUp(opened(await upgrade(h.baseUrl, `/telephony/twilio/dial/${ticket}`)));
    // The release is asynchronous: the next call of the org fits within a generous while.
    const deadline = Date.now() + 5_000;
    let next = await upgrade(h.baseUrl, `/voice/dial/${dialer.issue(reply.orgId, { maxConcurrentCalls: 1 }).ticket}`);
    while (!('socket' in next) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      next = await upgrade(h.baseUrl, `/voice/dial/${dialer.issue(reply.orgId, { maxConcurrentCalls: 1 }).ticket}`);
    }
    await hangUp(opened(next));
    expect(startedFor(reply.callId)).toBeUndefined();
  });
});
