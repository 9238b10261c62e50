import type { CallReport } from '@parley/contracts';
import type { ReportLine } from './extractive-report';
import type { LlmReportClient } from './llm-report.client';
import { type ReportSubject, writeReport } from './report-writer';

const lines: ReportLine[] = [
  { role: 'assistant', text: 'Hello, this is Acme.' },
  { role: 'user', text: 'Yes, my email is ada@example.com.' },
];
const subject: ReportSubject = { orgId: 'o', agentId: 'a', callId: 'c', reason: 'HANGUP', lines, extractFields: ['email'] };
const llmReport: CallReport = { summary: 'Ada gave her email.', outcome: 'completed', extracted: { email: 'ada@example.com' }, generatedBy: 'openai:m' };

function client(answer: () => Promise<CallReport | null>) {
  const calls: unknown[] = [];
  const llm = { write: (input: unknown) => (calls.push(input), answer()) } as unknown as LlmReportClient;
  return { llm, calls };
}

describe('writeReport', () => {
  it("takes the LLM provider's report, asking for the task's fields", async () => {
    const { llm, calls } = client(() => Promise.resolve(llmReport));
    await expect(writeReport(subject, llm)).resolves.toEqual(llmReport);
    expect(calls).toEqual([expect.objectContaining({ callId: 'c', fields: ['email'], lines })]);
  });

  it('is extractive for the local provider and when the LLM fails', async () => {
    for (const answer of [() => Promise.resolve(null), () => Promise.reject(new Error('LLM_TIMEOUT'))]) {
      const report = await writeReport(subject, client(answer).llm);
      expect(report).toMatchObject({ generatedBy: 'extractive', extracted: { email: 'ada@example.com' } });
    }
  });

  it("keeps the platform's facts over the model's outcome: a failed ending, an answering machine", async () => {
    const { llm } = client(() => Promise.resolve(llmReport));
    await expect(writeReport({ ...subject, reason: 'PLATFORM_ERROR' }, llm)).resolves.toMatchObject({ outcome: 'failed', summary: llmReport.summary });
    await expect(writeReport({ ...subject, answeredBy: 'machine_start' }, llm)).resolves.toMatchObject({ outcome: 'in_voicemail' });
  });

  it('asks no model when the callee never spoke', async () => {
    const { llm, calls } = client(() => Promise.resolve(llmReport));
    const report = await writeReport({ ...subject, lines: [lines[0]] }, llm);
    expect(report).toMatchObject({ outcome: 'no_response', generatedBy: 'extractive' });
    expect(calls).toHaveLength(0);
  });
});
