import { randomUUID } from 'node:crypto';
import {
  type CallCommand,
  type CallEndedEvent,
  type CallSettledEvent,
  eventSubjects,
  rpcSubjects,
  streams,
  voiceSubjects,
} from '@parley/contracts';
import { eventually, startBillingApp, usageEvent } from './support/billing-app';

describe('billing metering against real Postgres and NATS', () => {
  let billing: Awaited<ReturnType<typeof startBillingApp>>;

  beforeAll(async () => {
    billing = await startBillingApp();
  });

  afterAll(() => billing?.stop());

  const credit = (orgId: string, points: number) =>
    billing.bus.request(
      rpcSubjects.billingPointsCredit,
      { orgId, points, reason: 'top-up', idempotencyKey: randomUUID() },
      { timeoutMs: 5000 },
    );
  const balanceOf = async (orgId: string) =>
    (await billing.bus.request(rpcSubjects.billingBalanceGet, { orgId }, { timeoutMs: 5000 })).points;
  const meterOf = (callId: string) => billing.db.callMeter.findUnique({ where: { callId } });

  it('charges a usage event delivered twice once', async () => {
    const orgId = randomUUID();
    const callId = randomUUID();
    await credit(orgId, 10);
    const event = usageEvent({ callId, orgId, seq: 0, seconds: 3 });

    // Two message ids: the stream stores both, as after a gateway retry outside the duplicate window.
    await billing.bus.publishEvent(eventSubjects.usageRecorded, event, { msgId: 'first' });
    await billing.bus.publishEvent(eventSubjects.usageRecorded, event, { msgId: 'second' });
    const marker = usageEvent({ callId, orgId, seq: 1, seconds: 1 });
    await billing.bus.publishEvent(eventSubjects.usageRecorded, marker, { msgId: 'marker' });

    await eventually(async () => (await meterOf(callId))?.seconds === 4, 10_000, 'both events metered');
    await eventually(async () => (await billing.db.usageEvent.count({ where: { callId } })) === 2);
    expect(await balanceOf(orgId)).toBe(6);
    expect(await billing.db.ledgerEntry.count({ where: { callId, kind: 'debit' } })).toBe(2);
  });

  it('tells the gateway holding the call to end it with BALANCE_EXHAUSTED once the balance reaches 0', async () => {
    const orgId = randomUUID();
    const callId = randomUUID();
    await credit(orgId, 2);
    const commands: { command: CallCommand; at: number }[] = [];
    billing.bus.serve(voiceSubjects.command(callId), async (command) => {
      commands.push({ command, at: Date.now() });
      return { ok: true };
    });

    await billing.bus.publishEvent(eventSubjects.usageRecorded, usageEvent({ callId, orgId, seq: 0 }), { msgId: 'u0' });
    await billing.bus.publishEvent(eventSubjects.usageRecorded, usageEvent({ callId, orgId, seq: 1 }), { msgId: 'u1' });
    const emptiedAt = Date.now();

    await eventually(async () => commands.length > 0, 5_000, 'end command');
    expect(commands[0].command).toEqual({ type: 'end', reason: 'BALANCE_EXHAUSTED' });
    expect(commands[0].at - emptiedAt).toBeLessThan(2_000);
    expect(await balanceOf(orgId)).toBe(0);
    expect((await meterOf(callId))?.exhaustedAt).not.toBeNull();
  });

  it('never takes the balance below 0: what it cannot cover is recorded as unpaid', async () => {
    const orgId = randomUUID();
    const callId = randomUUID();
    await credit(orgId, 2);
    await billing.bus.publishEvent(eventSubjects.usageRecorded, usageEvent({ callId, orgId, seq: 0, seconds: 5 }), {
      msgId: 'big',
    });

    const meter = await eventually(async () => meterOf(callId), 10_000, 'meter');
    expect(meter).toMatchObject({ points: 2n, unpaidPoints: 3n });
    expect(await balanceOf(orgId)).toBe(0);
  });

  it('settles a call from call.ended: charges the seconds not yet reported and publishes its cost', async () => {
    const orgId = randomUUID();
    const callId = randomUUID();
    await credit(orgId, 100);
    const settled: CallSettledEvent[] = [];
    await billing.bus.consume(streams.billing, 'spec-settled', async (e) => {
      if (e.subject === eventSubjects.callSettled) settled.push(e.payload);
    });
    await billing.bus.publishEvent(
      eventSubjects.usageRecorded,
      usageEvent({ callId, orgId, seq: 0, seconds: 2, llmInputTokens: 1000, ttsCharacters: 500 }),
      { msgId: 's0' },
    );
    await eventually(async () => meterOf(callId), 10_000, 'meter');
    const ended = endedEvent(callId, orgId, 4_500);
    await billing.bus.publishEvent(eventSubjects.callEnded, ended, { msgId: `${callId}:ended` });
    // The same fact again (a redelivery), then another call: settlements run in order.
    await billing.bus.publishEvent(eventSubjects.callEnded, ended, { msgId: `${callId}:ended-again` });
    const later = randomUUID();
    await billing.bus.publishEvent(eventSubjects.callEnded, endedEvent(later, orgId, 100), { msgId: later });

    await eventually(async () => settled.some((e) => e.callId === later), 20_000, 'both settlements');
    const mine = settled.filter((e) => e.callId === callId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ callId, orgId, reason: 'HANGUP', points: 5, unpaidPoints: 0 });
    expect(mine[0].usage).toMatchObject({ seconds: 5, llmInputTokens: 1000, ttsCharacters: 500 });
    expect(mine[0].cost.total).toBeGreaterThan(0);
    expect(mine[0].cost.currency).toBe('USD');
    expect(await billing.db.ledgerEntry.count({ where: { callId, reason: 'call settlement' } })).toBe(1);
    // 2 seconds reported, 3 settled, and the later call (no usage ever) its 1 second at the cloud rate.
    expect(await balanceOf(orgId)).toBe(100 - 5 - 3);

    const summary = await billing.bus.request(
      rpcSubjects.billingUsageSummary,
      { orgId, period: 'today', groupBy: 'model' },
      { timeoutMs: 5000 },
    );
    expect(summary.totals).toMatchObject({ calls: 2, points: 8, inputTokens: 1000, ttsCharacters: 500 });
    expect(summary.breakdown).toEqual([
      expect.objectContaining({ key: 'default', calls: 1, points: 5 }),
      expect.objectContaining({ key: 'unknown', calls: 1, points: 3 }),
    ]);
    const logs = await billing.bus.request(
      rpcSubjects.billingUsageCalls,
      { orgId, status: 'completed', limit: 10, offset: 0 },
      { timeoutMs: 5000 },
    );
    expect(logs.total).toBe(2);
    expect(logs.calls).toContainEqual(
      expect.objectContaining({ callId, status: 'completed', durationSeconds: 5, points: 5 }),
    );
  });
});

function endedEvent(callId: string, orgId: string, durationMs: number): CallEndedEvent {
  return {
    callId,
    orgId,
    agentId: 'agent-1',
    reason: 'HANGUP',
    durationMs,
    turns: 1,
    endedAt: new Date().toISOString(),
    latency: { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null },
  };
}
