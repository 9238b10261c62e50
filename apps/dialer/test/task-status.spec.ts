import { randomUUID } from 'node:crypto';
import {
  type CallEndReason,
  type CallReportedEvent,
  eventSubjects,
  streams,
  type TaskWebhookRequestedEvent,
} from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import { type DialerHarness, startDialerHarness } from './support/dialer-harness';
import { eventually } from './support/eventually';

const noLatency = { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null };

describe('task status driven by call events on the CALL stream', () => {
  let h: DialerHarness;
  const webhooks: TaskWebhookRequestedEvent[] = [];
  const reports: CallReportedEvent[] = [];

  beforeAll(async () => {
    h = await startDialerHarness('dialer_status');
    await h.bus.consume(streams.dialer, 'spec-webhooks', async (event) => {
      if (event.subject === eventSubjects.taskWebhookRequested) webhooks.push(event.payload);
      if (event.subject === eventSubjects.callReported) reports.push(event.payload);
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function runningTask(): Promise<TaskRow> {
    const task = await h.db.task.create({
      data: { orgId: randomUUID(), agentId: randomUUID(), name: 'Call', toNumber: '+14155550100' },
    });
    const started = await h.repository.startCall({ orgId: task.orgId, taskId: task.id });
    return started as TaskRow;
  }

  const endCall = (task: TaskRow, reason: CallEndReason, callId = task.callId as string) =>
    h.bus.publishEvent(
      eventSubjects.callEnded,
      {
        callId,
        orgId: task.orgId,
        agentId: task.agentId,
        reason,
        durationMs: 4200,
        turns: 3,
        endedAt: new Date().toISOString(),
        latency: noLatency,
      },
      { msgId: `${callId}:ended` },
    );

  const statusOf = (task: TaskRow) => h.db.task.findUniqueOrThrow({ where: { id: task.id } });

  it.each<[CallEndReason, 'completed' | 'failed']>([
    ['AGENT_ENDED', 'completed'],
    ['HANGUP', 'completed'],
    ['MAX_TURNS_REACHED', 'completed'],
    ['PLATFORM_ERROR', 'failed'],
    ['BALANCE_EXHAUSTED', 'failed'],
  ])('moves the task to %s → %s when its call ends', async (reason, status) => {
    const task = await runningTask();
    await endCall(task, reason);
    const done = await eventually(() => statusOf(task), (row) => row.status !== 'in_progress');
    expect(done).toMatchObject({ status, lastError: status === 'failed' ? reason : null });
    expect(done.completedAt).not.toBeNull();
  });

  it("ignores the ending of a call the task no longer waits for (it was reset and run again)", async () => {
    const task = await runningTask();
    const oldCallId = task.callId as string;
    await h.repository.reset({ orgId: task.orgId, taskId: task.id });
    const again = (await h.repository.startCall({ orgId: task.orgId, taskId: task.id })) as TaskRow;

    await endCall(task, 'PLATFORM_ERROR', oldCallId);
    await endCall(again, 'AGENT_ENDED');

    const done = await eventually(() => statusOf(task), (row) => row.status !== 'in_progress');
    expect(done).toMatchObject({ status: 'completed', callId: again.callId, attempts: 2 });
  });

  it('changes nothing for an inbound call that belongs to no task', async () => {
    const bystander = await runningTask();
    const inbound = { ...bystander, callId: randomUUID() };
    await endCall(inbound, 'HANGUP');
    await endCall(bystander, 'HANGUP');
    await eventually(() => statusOf(bystander), (row) => row.status === 'completed');
  });

  it('asks for the webhooks the task subscribed to, with reference 002 payloads, once per event', async () => {
    const created = await h.db.task.create({
      data: {
        orgId: randomUUID(),
        agentId: randomUUID(),
        name: 'Call',
        toNumber: '+14155550100',
        webhookUrl: 'https://example.com/hooks',
        webhookEvents: ['call_started', 'call_completed'],
      },
    });
    const task = (await h.repository.startCall({ orgId: created.orgId, taskId: created.id })) as TaskRow;
    await h.placer.place(task);
    await endCall(task, 'AGENT_ENDED');
    await endCall(task, 'AGENT_ENDED', task.callId as string); // a second delivery of the same fact

    const mine = await eventually(
      async () => webhooks.filter((w) => w.taskId === task.id),
      (found) => found.length >= 2,
    );
    const completedData = { transcript_excerpt: '', report_excerpt: expect.stringContaining('The callee said nothing') };
    expect(mine.map((w) => w.payload)).toEqual([
      { event_type: 'call_started', task_id: task.id, call_id: task.callId, status: 'in_progress', data: {} },
      { event_type: 'call_completed', task_id: task.id, call_id: task.callId, status: 'completed', data: completedData },
    ]);
    expect(mine.every((w) => w.url === 'https://example.com/hooks' && w.orgId === task.orgId)).toBe(true);
    expect(new Set(mine.map((w) => w.eventId)).size).toBe(2);
  });

  it("keeps the task call's lines and reports it when it ends: stored, published, excerpted in the webhook", async () => {
    const created = await h.db.task.create({
      data: {
        orgId: randomUUID(),
        agentId: randomUUID(),
        name: 'Call',
        toNumber: '+14155550100',
        webhookUrl: 'https://example.com/hooks',
        webhookEvents: ['call_completed'],
        extractFields: ['email', 'callback_time'],
      },
    });
    const task = (await h.repository.startCall({ orgId: created.orgId, taskId: created.id })) as TaskRow;
    const callId = task.callId as string;
    const said = [
      ['assistant', 'Hello Ada, this is Acme about your order.'],
      ['user', 'Hi. Call me back tomorrow please, at ada@example.com if needed.'],
      ['assistant', 'Will do, goodbye.'],
    ] as const;
    for (const [seq, [role, text]] of said.entries()) {
      const line = { callId, orgId: task.orgId, seq, role, text, at: new Date().toISOString() };
      await h.bus.publishEvent(eventSubjects.transcriptAppended, line, { msgId: `${callId}:line:${seq}` });
    }
    await endCall(task, 'AGENT_ENDED');

    const reported = await eventually(
      async () => reports.find((r) => r.callId === callId),
      (found) => found !== undefined,
    );
    expect(reported).toMatchObject({
      taskId: task.id,
      orgId: task.orgId,
      report: {
        outcome: 'completed',
        generatedBy: 'extractive',
        extracted: { email: 'ada@example.com', callback_time: 'tomorrow' },
      },
    });
    expect(reported?.report.summary).toContain('Hello Ada, this is Acme about your order.');
    await expect(h.db.callReport.findUnique({ where: { callId } })).resolves.toMatchObject({ outcome: 'completed' });
    const hook = await eventually(
      async () => webhooks.find((w) => w.taskId === task.id),
      (found) => found !== undefined,
    );
    expect(hook?.payload.data.transcript_excerpt).toBe(
      'Agent: Hello Ada, this is Acme about your order.\n' +
        'Callee: Hi. Call me back tomorrow please, at ada@example.com if needed.\n' +
        'Agent: Will do, goodbye.',
    );
    expect(hook?.payload.data.report_excerpt).toBe(reported?.report.summary);
  });

  it('records when the call reached the gateway, so it no longer counts as ringing', async () => {
    const task = await runningTask();
    const startedAt = new Date().toISOString();
    await h.bus.publishEvent(
      eventSubjects.callStarted,
      {
        callId: task.callId as string,
        orgId: task.orgId,
        agentId: task.agentId,
        keyId: randomUUID(),
        direction: 'outbound',
        taskId: task.id,
        channel: 'simulator',
        startedAt,
      },
      { msgId: `${task.callId}:started` },
    );
    const connected = await eventually(() => statusOf(task), (row) => row.connectedAt !== null);
    expect(connected.connectedAt?.toISOString()).toBe(startedAt);
  });
});
