import { randomUUID } from 'node:crypto';
import { type AnsweredBy, type CallReportedEvent, eventSubjects, streams } from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import { type DialerHarness, startDialerHarness } from '../../test/support/dialer-harness';
import { eventually } from '../../test/support/eventually';
import { whoAnswered } from './answered-by';

const noLatency = { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null };

describe('whoAnswered', () => {
  it.each([
    [null, undefined, null],
    [null, 'machine', 'machine'],
    [null, 'unknown', 'unknown'],
    ['unknown', 'machine', 'machine'],
    ['unknown', undefined, 'unknown'],
    ['human', 'machine', 'human'],
    ['machine_end_beep', 'human', 'machine_end_beep'],
  ] as const)("carrier %p and the gateway's %p: %p", (carrier, detected, expected) => {
    expect(whoAnswered(carrier, detected)).toBe(expected);
  });
});

describe("a task call's report from the gateway's answering-machine verdict", () => {
  let h: DialerHarness;
  const reports: CallReportedEvent[] = [];

  beforeAll(async () => {
    h = await startDialerHarness('dialer_amd');
    await h.bus.consume(streams.dialer, 'spec-reports', async (event) => {
      if (event.subject === eventSubjects.callReported) reports.push(event.payload);
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The report of a task call where the callee said one line: `call.ended` carries `answeredBy`, `call_answers` the carrier's. */
  async function reportOf(answeredBy: AnsweredBy | undefined, carrier?: string): Promise<CallReportedEvent> {
    const created = await h.db.task.create({
      data: { orgId: randomUUID(), agentId: randomUUID(), name: 'Call', toNumber: '+14155550100' },
    });
    const task = (await h.repository.startCall({ orgId: created.orgId, taskId: created.id })) as TaskRow;
    const callId = task.callId as string;
    if (carrier) await h.db.callAnswer.create({ data: { callId, answeredBy: carrier } });
    const line = { callId, orgId: task.orgId, seq: 0, role: 'user' as const, text: 'Hi, you have reached the Smiths.', at: new Date().toISOString() };
    await h.bus.publishEvent(eventSubjects.transcriptAppended, line, { msgId: `${callId}:line:0` });
    const ended = {
      callId,
      orgId: task.orgId,
      agentId: task.agentId,
      reason: 'HANGUP' as const,
      durationMs: 9000,
      turns: 1,
      endedAt: new Date().toISOString(),
      latency: noLatency,
      ...(answeredBy && { answeredBy }),
    };
    await h.bus.publishEvent(eventSubjects.callEnded, ended, { msgId: `${callId}:ended` });
    return (await eventually(
      async () => reports.find((r) => r.callId === callId),
      (found) => found !== undefined,
      15_000,
    )) as CallReportedEvent;
  }

  it("reports a call the gateway heard a machine answer as in_voicemail, stored so", async () => {
    const reported = await reportOf('machine');
    expect(reported.report).toMatchObject({ outcome: 'in_voicemail', generatedBy: 'extractive' });
    await expect(h.db.callReport.findUnique({ where: { callId: reported.callId } })).resolves.toMatchObject({ outcome: 'in_voicemail' });
  });

  it.each([
    ['human', undefined],
    ['unknown', undefined],
    [undefined, undefined],
    ['machine', 'human'],
  ] as const)("reports a call the gateway says %p answered (carrier: %p) as completed", async (answeredBy, carrier) => {
    await expect(reportOf(answeredBy, carrier)).resolves.toMatchObject({ report: { outcome: 'completed' } });
  });

  it("takes the gateway's machine when the carrier's AMD could not tell", async () => {
    await expect(reportOf('machine', 'unknown')).resolves.toMatchObject({ report: { outcome: 'in_voicemail' } });
  });
});
