import { createLogger } from '@parley/logging';
import { FakeOpenAiServer } from '@parley/testing';
import { demoAgent, demoRequest } from '../../testing/demo-agent';
import type { ReplyEvent } from '../llm-provider';
import { describeLlmProviderConformance, type LlmScenario } from '../llm-provider.conformance';
import { HttpToolCaller } from '../../tools/http-tool-caller';
import { ToolRunner } from '../../tools/tool-runner';
import { OpenAiLlmProvider } from './openai-provider';

const API_KEY = 'sk-test-parley';
const TIMEOUT_MS = 1_500;

let fake: FakeOpenAiServer;

function options(apiKey = API_KEY) {
  return { apiKey, baseUrl: fake.baseUrl, defaultModel: 'gpt-test', timeoutMs: TIMEOUT_MS };
}

function provider(apiKey = API_KEY): OpenAiLlmProvider {
  return new OpenAiLlmProvider(options(apiKey));
}

const silent = createLogger({ service: 'llm-worker-spec', level: 'silent' });

function arrange(scenario: LlmScenario): void {
  switch (scenario) {
    case 'answer':
      return fake.reply({ chunks: ['We are open ', 'Monday to Friday, ', '9 to 6.'], usage: { promptTokens: 120, completionTokens: 9 } });
    case 'goodbye':
      return fake.reply({ text: 'Thanks for calling, goodbye!', toolCalls: [{ name: 'end_call', arguments: {} }] });
    case 'long-answer':
      return fake.reply({ text: 'Every item has a two year warranty. Keep the receipt. Call us first.', chunkDelayMs: 30 });
    case 'rejected-credentials':
      return fake.reply({ status: 401 });
    case 'rate-limited':
      return fake.reply({ status: 429 });
    case 'too-slow':
      return fake.reply({ delayMs: TIMEOUT_MS + 500, text: "too late" });
  }
}

describeLlmProviderConformance(
  'openai (fake OpenAI server)',
  async () => {
    fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
    return { provider: provider(), arrange, failures: ['rejected-credentials', 'rate-limited', 'too-slow'], reportsUsage: true };
  },
  () => fake.close(),
);

describe('OpenAiLlmProvider', () => {
  beforeAll(async () => (fake = await FakeOpenAiServer.start({ apiKey: API_KEY })));
  afterAll(() => fake.close());

  async function collect(request = demoRequest('What are your business hours?'), target = provider()) {
    const events: ReplyEvent[] = [];
    for await (const event of target.reply(request, new AbortController().signal)) events.push(event);
    return events;
  }

  it('sends the system prompt with the knowledge text, the call data, the history and whispers', async () => {
    fake.reply({ text: 'Sure.' });
    await collect(demoRequest('What are your hours?', { context: { whispers: ['Offer the 10% coupon'], variables: { customer_name: 'Ada' } } }));
    const { body } = fake.requests.at(-1)!;
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain(demoAgent.systemPrompt);
    expect(body.messages[0].content).toContain('Business hours: Monday to Friday');
    expect(body.messages[0].content).toContain('- customer_name: Ada');
    expect(body.messages.slice(1, 3)).toEqual([
      { role: 'assistant', content: demoAgent.greeting },
      { role: 'user', content: 'What are your hours?' },
    ]);
    expect(body.messages.at(-1)).toEqual({ role: 'system', content: 'Supervisor note (do not read aloud): Offer the 10% coupon' });
    expect(body.tools?.map((tool) => tool.function.name)).toEqual(['end_call']);
  });

  it("uses the agent's model and sampling settings when it names them", async () => {
    fake.reply({ text: 'Hello.' });
    const agent = { ...demoAgent, llm: { provider: 'openai', model: 'llama3.1:8b', temperature: 0.2, maxTokens: 120 } };
    await collect(demoRequest('hi', { agent }));
    expect(fake.requests.at(-1)!.body).toMatchObject({ model: 'llama3.1:8b', temperature: 0.2, max_tokens: 120 });
  });

  it('answers an end_call made without words, and lets the model say goodbye in a second round', async () => {
    fake.reply({ toolCalls: [{ name: 'end_call', arguments: {} }] }, { text: 'Goodbye!' });
    const events = await collect(demoRequest('bye'));
    expect(events.filter((event) => event.type !== 'usage')).toEqual([{ type: 'end-call' }, { type: 'text', text: 'Goodbye!' }]);
    const second = fake.requests.at(-1)!.body.messages;
    expect(second.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ function: { name: 'end_call', arguments: '{}' } }] });
    expect(second.at(-1)).toMatchObject({ role: 'tool', content: expect.stringContaining('goodbye') });
  });

  it('bounds the tool rounds: the last request lets the model call no tool, and its words end the turn', async () => {
    const dtmf = { name: 'send_dtmf', description: '', parameters: {} };
    const agent = { ...demoAgent, llm: { provider: 'openai', model: 'gpt-test' }, tools: [dtmf] };
    const press = { toolCalls: [{ name: 'send_dtmf', arguments: { digits: '1' } }] };
    fake.reply(press, press, press, { text: 'Done pressing.' });
    const runner = new ToolRunner({ http: new HttpToolCaller({ allowedHosts: [], defaultTimeoutMs: 100, maxResponseBytes: 100 }, silent), searchTopK: 3 });
    const before = fake.requests.length;
    const events = await collect(demoRequest('press one three times', { agent }), new OpenAiLlmProvider({ ...options(), tools: runner }));
    const bodies = fake.requests.slice(before).map((request) => request.body);
    expect(bodies.map((body) => body.tool_choice)).toEqual([undefined, undefined, undefined, 'none']);
    expect(bodies[0].tools?.map((tool) => tool.function.name)).toEqual(['end_call', 'send_dtmf']);
    expect(events.filter((event) => event.type !== 'usage')).toEqual([
      { type: 'dtmf', digits: '1' },
      { type: 'dtmf', digits: '1' },
      { type: 'dtmf', digits: '1' },
      { type: 'text', text: 'Done ' },
      { type: 'text', text: 'pressing.' },
    ]);
  });

  it('offers only end_call when it runs no tools, whatever the agent names', async () => {
    fake.reply({ text: 'Hi.' });
    const agent = { ...demoAgent, knowledgeBaseIds: ['7f1c0a52-2d1e-4c55-9a57-0f9a3c1f6b10'], tools: [{ name: 'send_dtmf', description: '', parameters: {} }] };
    await collect(demoRequest('hi', { agent }));
    expect(fake.requests.at(-1)!.body.tools?.map((tool) => tool.function.name)).toEqual(['end_call']);
  });

  it('closes the HTTP stream when the turn is aborted', async () => {
    fake.reply({ text: 'one two three four five six seven eight nine ten', chunkDelayMs: 40 });
    const before = fake.abandonedStreams;
    const controller = new AbortController();
    for await (const event of provider().reply(demoRequest('count'), controller.signal)) if (event.type === 'text') controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.abandonedStreams).toBe(before + 1);
  });

  it('refuses a wrong key as a configuration error, not worth a retry', async () => {
    const error = await collect(undefined, provider('sk-wrong')).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'LLM_TIMEOUT', kind: 'config', retryable: false });
  });
});
