import type { Bus, BusError } from '@parley/bus';
import { type LlmReportRequest, rpcSubjects } from '@parley/contracts';
import { FakeOpenAiServer, uniqueNamespace } from '@parley/testing';
import { connectClient, type RunningWorker, startWorker } from './support/llm-worker-harness';

describe('llm.v1.rpc.report through the openai provider against a fake OpenAI server', () => {
  let openai: FakeOpenAiServer;
  let worker: RunningWorker;
  let client: Bus;

  const request = (more: Partial<LlmReportRequest> = {}): LlmReportRequest => ({
    callId: 'call-report-1',
    orgId: 'org-1',
    llm: { provider: 'openai', model: 'gpt-4o-mini' },
    lines: [
      { role: 'assistant', text: 'Hello Ada, this is Acme about your order.' },
      { role: 'user', text: 'Yes, please deliver it on Friday. My email is ada@example.com.' },
    ],
    reason: 'AGENT_ENDED',
    fields: ['email', 'delivery_day'],
    ...more,
  });
  const report = (r: LlmReportRequest) => client.request(rpcSubjects.llmReport, r, { timeoutMs: 20_000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as BusError);

  beforeAll(async () => {
    openai = await FakeOpenAiServer.start();
    const namespace = uniqueNamespace('llm_report');
    worker = await startWorker(namespace, {}, { OPENAI_BASE_URL: openai.baseUrl, OPENAI_API_KEY: 'sk-fake-openai' });
    client = await connectClient(namespace);
  });

  afterAll(async () => {
    await client?.drain();
    await worker?.app.close();
    await openai?.close();
  });

  it('writes the report with one non-streaming JSON-mode completion of the agent model', async () => {
    openai.reply({
      text: JSON.stringify({
        summary: 'Ada confirmed delivery on Friday.',
        outcome: 'completed',
        fields: { email: 'ada@example.com', delivery_day: 'Friday' },
      }),
    });
    await expect(report(request())).resolves.toEqual({
      summary: 'Ada confirmed delivery on Friday.',
      outcome: 'completed',
      fields: { email: 'ada@example.com', delivery_day: 'Friday' },
      generatedBy: 'openai:gpt-4o-mini',
    });
    const sent = openai.requests.at(-1)?.body;
    expect(sent).toMatchObject({ model: 'gpt-4o-mini', response_format: { type: 'json_object' }, temperature: 0 });
    expect(sent?.stream).toBeFalsy();
    expect(sent?.messages.at(-1)?.content).toContain('Callee: Yes, please deliver it on Friday.');
  });

  it('answers LLM_TIMEOUT when the model fails or answers something that is not a report', async () => {
    openai.reply({ status: 500 });
    expect(await failure(report(request()))).toMatchObject({ code: 'LLM_TIMEOUT' });
    openai.reply({ text: 'Here is your summary: it went well.' });
    expect(await failure(report(request()))).toMatchObject({ code: 'LLM_TIMEOUT' });
  });

  it('answers INVALID_REQUEST for the local provider, which writes no LLM report', async () => {
    const before = openai.requests.length;
    const err = await failure(report(request({ llm: { provider: 'local', model: 'local' } })));
    expect(err).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(openai.requests).toHaveLength(before);
  });
});
