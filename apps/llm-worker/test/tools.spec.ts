import type { Bus, BusSubscription } from '@parley/bus';
import { type KnowledgeSearchRequest, type LlmAgentConfig, rpcSubjects } from '@parley/contracts';
import { FakeOpenAiServer, uniqueNamespace } from '@parley/testing';
import { localPhrases } from '../src/providers/local/local-phrases';
import { demoAgent, demoRequest } from '../src/testing/demo-agent';
import { signToolRequest, TOOL_HEADERS } from '../src/tools/tool-signature';
import { connectClient, type RunningWorker, startWorker } from './support/llm-worker-harness';
import { ReplyTap } from './support/reply-tap';
import { ToolReceiver } from './support/tool-receiver';

const API_KEY = 'sk-tools-spec';
const SECRET = 'tools-spec-signing-secret-0123456789';
const KB = '4d3c2b1a-0f9e-4d8c-b7a6-112233445566';
const ORG = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f11223344';

const CHUNK = {
  chunkId: 'a1b2c3d4-0000-4000-8000-000000000001',
  knowledgeBaseId: KB,
  content: 'Every bicycle carries a five year warranty on the frame. Keep the receipt to claim it.',
  source: 'warranty.md',
  score: 3.2,
};

describe('agent tools through the real worker, NATS, a fake OpenAI and a local tool receiver', () => {
  let worker: RunningWorker;
  let client: Bus;
  let tap: ReplyTap;
  let openai: FakeOpenAiServer;
  let receiver: ToolReceiver;
  let knowledge: BusSubscription;
  const searches: KnowledgeSearchRequest[] = [];
  let turn = 0;

  beforeAll(async () => {
    const namespace = uniqueNamespace('llm_tools');
    [openai, receiver] = await Promise.all([FakeOpenAiServer.start({ apiKey: API_KEY }), ToolReceiver.start()]);
    worker = await startWorker(namespace, {}, {
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: openai.baseUrl,
      LLM_TOOLS_SIGNING_SECRET: SECRET,
      LLM_TOOLS_ALLOWED_HOSTS: '127.0.0.1',
    });
    client = await connectClient(namespace);
    tap = new ReplyTap(client);
    // Plays rest-api's knowledge responder: the worker's side of the contract is what is tested here.
    knowledge = client.serve(rpcSubjects.knowledgeSearch, (request) => {
      searches.push(request);
      return { results: request.knowledgeBaseIds.includes(KB) ? [CHUNK] : [] };
    });
  });

  afterAll(async () => {
    await knowledge.drain();
    await tap.close();
    await client.drain();
    await worker.app.close();
    await Promise.all([openai.close(), receiver.close()]);
  });

  /** Asks for one turn and resolves with its chunks once the final one has arrived. */
  async function ask(said: string, agent: LlmAgentConfig) {
    const turnId = `turn_${++turn}`;
    const request = demoRequest(said, { callId: 'call_tools', turnId, orgId: ORG, agent });
    await client.request(rpcSubjects.llmReply, request, { timeoutMs: 5_000 });
    return tap.waitForFinal('call_tools', turnId, 15_000);
  }

  const openaiAgent = (extra: Partial<LlmAgentConfig> = {}): LlmAgentConfig => ({
    ...demoAgent,
    llm: { provider: 'openai', model: 'gpt-test' },
    ...extra,
  });

  it('search_kb: the model searches the knowledge base over the bus and answers from the passage', async () => {
    openai.reply({ toolCalls: [{ name: 'search_kb', arguments: { query: 'frame warranty' } }] }, { text: 'The frame has a five year warranty. Keep your receipt.' });
    const chunks = await ask('How long is the frame warranty?', openaiAgent({ knowledgeBaseIds: [KB] }));
    expect(chunks.map((chunk) => chunk.text).join(' ').trim()).toBe('The frame has a five year warranty. Keep your receipt.');
    expect(searches.at(-1)).toEqual({ orgId: ORG, knowledgeBaseIds: [KB], query: 'frame warranty', topK: 3 });
    const [first, second] = openai.requests.slice(-2).map((request) => request.body);
    expect(first.tools?.map((tool) => tool.function.name)).toEqual(['end_call', 'search_kb']);
    expect(second.messages.at(-1)).toMatchObject({ role: 'tool', content: `[1] (warranty.md) ${CHUNK.content}` });
  });

  it('a custom HTTP tool gets a signed request, and its answer goes back to the model', async () => {
    receiver.respond(() => ({ body: '{"order":"A-17","status":"shipped"}' }));
    const lookup = { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' }, url: receiver.url('/orders') };
    openai.reply({ toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'A-17' } }] }, { text: 'Your order A-17 has shipped.' });
    const chunks = await ask('Where is my order A-17?', openaiAgent({ tools: [lookup] }));
    expect(chunks.map((chunk) => chunk.text).join(' ').trim()).toBe('Your order A-17 has shipped.');
    const received = receiver.received.at(-1)!;
    expect(JSON.parse(received.body)).toEqual({ tool: 'lookup_order', arguments: { order_id: 'A-17' }, call_id: 'call_tools', agent_id: demoAgent.agentId });
    const timestamp = Number(received.headers[TOOL_HEADERS.timestamp]);
    expect(received.headers[TOOL_HEADERS.signature]).toBe(signToolRequest(SECRET, timestamp, received.body));
    expect(openai.requests.at(-1)!.body.messages.at(-1)).toMatchObject({ role: 'tool', content: '{"order":"A-17","status":"shipped"}' });
  });

  it('a custom tool that does not answer in time becomes a short result, and the turn goes on', async () => {
    receiver.respond(() => ({ body: 'too late', delayMs: 4_000 }));
    const slow = { name: 'slow_tool', description: '', parameters: { type: 'object' }, url: receiver.url('/slow'), timeoutMs: 400 };
    openai.reply({ toolCalls: [{ name: 'slow_tool', arguments: {} }] }, { text: 'Sorry, I cannot check that right now.' });
    const chunks = await ask('Check it please.', openaiAgent({ tools: [slow] }));
    expect(chunks.map((chunk) => chunk.text).join(' ').trim()).toBe('Sorry, I cannot check that right now.');
    expect(openai.requests.at(-1)!.body.messages.at(-1)).toMatchObject({ role: 'tool', content: 'The tool slow_tool failed: no answer within 400 ms.' });
  });

  it('end_call, transfer_call and send_dtmf reach the gateway on the final chunk', async () => {
    const builtins = ['transfer_call', 'send_dtmf'].map((name) => ({ name, description: '', parameters: {} }));
    openai.reply({ text: 'Goodbye!', toolCalls: [{ name: 'end_call', arguments: {} }] });
    expect((await ask('bye', openaiAgent())).at(-1)).toMatchObject({ final: true, endCall: true });
    openai.reply({ text: 'Connecting you to billing.', toolCalls: [{ name: 'transfer_call', arguments: { to: '+14155550100' } }] });
    expect((await ask('billing please', openaiAgent({ tools: builtins }))).at(-1)).toMatchObject({ final: true, transfer: { to: '+14155550100' } });
    openai.reply({ text: 'Pressing two.', toolCalls: [{ name: 'send_dtmf', arguments: { digits: '2' } }] });
    expect((await ask('press two', openaiAgent({ tools: builtins }))).at(-1)).toMatchObject({ final: true, dtmf: '2' });
  });

  it('the local agent answers a question from a knowledge base chunk found by the search RPC', async () => {
    const chunks = await ask('How long is the warranty on a bicycle frame?', { ...demoAgent, knowledgeBaseIds: [KB] });
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(CHUNK.content);
    expect(searches.at(-1)).toMatchObject({ orgId: ORG, knowledgeBaseIds: [KB], query: 'How long is the warranty on a bicycle frame?' });
    const without = await ask('How long is the warranty on a bicycle frame?', demoAgent);
    expect(without.map((chunk) => chunk.text).join(' ')).toBe(localPhrases.fallback);
  });
});
