import { randomUUID } from 'node:crypto';
import { BusError } from '@parley/bus';
import {
  type AgentConfig,
  type CallEndReason,
  type CallReportedEvent,
  eventSubjects,
  type LlmReportRequest,
  rpcSubjects,
  streams,
  type TaskWebhookRequestedEvent,
} from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import { type DialerHarness, startDialerHarness } from './support/dialer-harness';
import { eventually } from './support/eventually';

const noLatency = { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null };

const agent = (agentId: string, provider: string): AgentConfig => ({
  agentId,
  name: 'Agent',
  language: 'en',
  greeting: 'Hello',
  systemPrompt: 'Help.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider, model: provider === 'local' ? 'local' : 'gpt-4o-mini' },
  sttProvider: 'pocketsphinx',
  limits: { maxDurationSec: 600, maxTurns: 50, silenceTimeoutSec: 20 },
  knowledgeBaseIds: [],
});

/**
 * Call reports by the agent's LLM provider: rest-api (agent.resolve) and the llm-worker
 * (llm.report) are played on the bus, so this spec sees exactly what the dialer asks and stores.
 */
describe('call reports written by the agent LLM provider, extractive as the fallback', () => {
  let h: DialerHarness;
  const providers = new Map<string, string>();
  const asked: LlmReportRequest[] = [];
  let llmAnswer: (request: LlmReportRequest) => Promise<unknown> = () => Promise.reject(new Error('unset'));
  const reports: CallReportedEvent[] = [];
  const webhooks: TaskWebhookRequestedEvent[] = [];

  beforeAll(async () => {
    h = await startDialerHarness('dialer_llm_reports');
    h.bus.serve(rpcSubjects.identityAgentResolve, (r) =>
      Promise.resolve({ agent: agent(r.agentId, providers.get(r.agentId) ?? 'local'), plan: 'pro' as const, limits: { maxConcurrentCalls: 5 } }),
    );
    h.bus.serve(rpcSubjects.llmReport, (r) => {
      asked.push(r);
      return llmAnswer(r) as never;
    });
    await h.bus.consume(streams.dialer, 'spec-reports', async (event) => {
      if (event.subject === eventSubjects.callReported) reports.push(event.payload);
      if (event.subject === eventSubjects.taskWebhookRequested) webhooks.push(event.payload);
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function callOf(provider: string, reason: CallEndReason = 'AGENT_ENDED') {
    const agentId = randomUUID();
    providers.set(agentId, provider);
    const created = await h.db.task.create({
      data: {
        orgId: randomUUID(),
        agentId,
        name: 'Call',
        toNumber: '+14155550100',
        webhookUrl: 'https://example.com/hooks',
        webhookEvents: ['call_completed', 'call_failed'],
        extractFields: ['email', 'delivery_day'],
      },
    });
    const task = (await h.repository.startCall({ orgId: created.orgId, taskId: created.id })) as TaskRow;
    const callId = task.callId as string;
    const said = [
      ['assistant', 'Hello Ada, this is Acme about your order.'],
      ['user', 'Deliver it on Friday please, my email is ada@example.com.'],
    ] as const;
    for (const [seq, [role, text]] of said.entries()) {
      const line = { callId, orgId: task.orgId, seq, role, text, at: new Date().toISOString() };
      await h.bus.publishEvent(eventSubjects.transcriptAppended, line, { msgId: `${callId}:line:${seq}` });
    }
    const ended = { callId, orgId: task.orgId, agentId, reason, durationMs: 4200, turns: 2, endedAt: new Date().toISOString(), latency: noLatency };
    await h.bus.publishEvent(eventSubjects.callEnded, ended, { msgId: `${callId}:ended` });
    const reported = await eventually(async () => reports.find((r) => r.callId === callId), (found) => found !== undefined, 15_000);
    return { task, callId, report: (reported as CallReportedEvent).report };
  }

  it("stores and publishes the LLM provider's report, and the webhook excerpts its summary", async () => {
    llmAnswer = () =>
      Promise.resolve({
        summary: 'Ada asked for delivery on Friday and gave her email.',
        outcome: 'completed',
        fields: { email: 'ada@example.com', delivery_day: 'Friday' },
        generatedBy: 'openai:gpt-4o-mini',
      });
    const { task, callId, report } = await callOf('openai');
    expect(report).toEqual({
      summary: 'Ada asked for delivery on Friday and gave her email.',
      outcome: 'completed',
      extracted: { email: 'ada@example.com', delivery_day: 'Friday' },
      generatedBy: 'openai:gpt-4o-mini',
    });
    expect(asked.find((r) => r.callId === callId)).toMatchObject({
      llm: { provider: 'openai', model: 'gpt-4o-mini' },
      reason: 'AGENT_ENDED',
      fields: ['email', 'delivery_day'],
      lines: [{ role: 'assistant' }, { role: 'user', text: 'Deliver it on Friday please, my email is ada@example.com.' }],
    });
    await expect(h.db.callReport.findUnique({ where: { callId } })).resolves.toMatchObject({ generatedBy: 'openai:gpt-4o-mini' });
    const hook = await eventually(async () => webhooks.find((w) => w.taskId === task.id), (found) => found !== undefined);
    expect(hook?.payload.data.report_excerpt).toBe('Ada asked for delivery on Friday and gave her email.');
  });

  it('falls back to the extractive report when the LLM fails', async () => {
    llmAnswer = () => Promise.reject(new BusError('LLM_TIMEOUT', 'model down'));
    const { callId, report } = await callOf('openai');
    expect(asked.some((r) => r.callId === callId)).toBe(true);
    expect(report).toMatchObject({ generatedBy: 'extractive', extracted: { email: 'ada@example.com' } });
  });

  it('never asks an LLM for an agent of the local provider', async () => {
    const { callId, report } = await callOf('local');
    expect(report.generatedBy).toBe('extractive');
    expect(asked.some((r) => r.callId === callId)).toBe(false);
  });

  it("keeps a failed ending's outcome over the model's", async () => {
    llmAnswer = () => Promise.resolve({ summary: 'It went fine.', outcome: 'completed', fields: {}, generatedBy: 'openai:gpt-4o-mini' });
    const { report } = await callOf('openai', 'PLATFORM_ERROR');
    expect(report).toMatchObject({ outcome: 'failed', summary: 'It went fine.', generatedBy: 'openai:gpt-4o-mini' });
  });
});
