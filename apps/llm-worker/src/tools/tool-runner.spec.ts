import type { LlmAgentConfig } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { demoAgent, demoRequest } from '../testing/demo-agent';
import { ListedKnowledge } from '../testing/listed-knowledge';
import { HttpToolCaller } from './http-tool-caller';
import type { KnowledgeHit } from './knowledge-search';
import { offeredTools } from './tool-catalog';
import { ToolRunner } from './tool-runner';

const KB = '7f1c0a52-2d1e-4c55-9a57-0f9a3c1f6b10';

const http = new HttpToolCaller(
  { allowedHosts: [], defaultTimeoutMs: 1_000, maxResponseBytes: 1_024 },
  createLogger({ service: 'llm-worker-spec', level: 'silent' }),
);

const agent: LlmAgentConfig = {
  ...demoAgent,
  knowledgeBaseIds: [KB],
  tools: [
    { name: 'transfer_call', description: '', parameters: {} },
    { name: 'send_dtmf', description: '', parameters: {} },
    { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' }, url: 'https://tools.example.com/x' },
    { name: 'end_call', description: 'my own', parameters: {}, url: 'https://tools.example.com/end' },
    { name: 'mystery', description: '', parameters: {} },
  ],
};

describe('offeredTools', () => {
  it('offers end_call always, search_kb with knowledge bases, named built-ins and custom tools, nothing else', () => {
    expect(offeredTools(agent).map((tool) => tool.name)).toEqual(['end_call', 'search_kb', 'transfer_call', 'send_dtmf', 'lookup_order']);
    expect(offeredTools(agent).find((tool) => tool.name === 'end_call')?.url).toBeUndefined();
    expect(offeredTools(demoAgent).map((tool) => tool.name)).toEqual(['end_call']);
  });
});

describe('ToolRunner', () => {
  const hits: KnowledgeHit[] = [
    { chunkId: 'c1', knowledgeBaseId: KB, content: 'Returns are free within 30 days.', source: 'returns.md', score: 2.5 },
    { chunkId: 'c2', knowledgeBaseId: KB, content: 'Refunds take 5 days.', source: 'refunds.md', score: 1.1 },
  ];
  const knowledge = new ListedKnowledge(hits);
  const runner = new ToolRunner({ knowledge, http, searchTopK: 2 });
  const request = demoRequest('how do returns work', { agent, orgId: 'org_7' });
  const run = (name: string, args: unknown) => runner.run({ name, arguments: JSON.stringify(args) }, request, new AbortController().signal);

  it('searches the agent’s knowledge bases and returns numbered passages with their source', async () => {
    await expect(run('search_kb', { query: ' returns ' })).resolves.toEqual({
      result: '[1] (returns.md) Returns are free within 30 days.\n\n[2] (refunds.md) Refunds take 5 days.',
    });
    expect(knowledge.asked.at(-1)).toEqual({ orgId: 'org_7', knowledgeBaseIds: [KB], query: 'returns', topK: 2 });
  });

  it('tells the model when the search finds nothing, fails, or has no query', async () => {
    await expect(new ToolRunner({ knowledge: new ListedKnowledge([]), http, searchTopK: 2 }).run({ name: 'search_kb', arguments: '{"query":"x"}' }, request, new AbortController().signal)).resolves.toEqual({ result: 'Nothing in the knowledge bases matches that.' });
    knowledge.failing = true;
    await expect(run('search_kb', { query: 'returns' })).resolves.toEqual({ result: expect.stringContaining('not available right now') });
    knowledge.failing = false;
    await expect(run('search_kb', {})).resolves.toEqual({ result: 'search_kb needs a "query" text.' });
  });

  it('turns end_call, transfer_call and send_dtmf into effects, checking their arguments', async () => {
    await expect(run('end_call', {})).resolves.toMatchObject({ effect: { type: 'end-call' } });
    await expect(run('transfer_call', { to: '+1 (415) 555-0100' })).resolves.toMatchObject({ effect: { type: 'transfer', to: '+14155550100' } });
    await expect(run('transfer_call', { to: 'reception' })).resolves.toEqual({ result: expect.stringContaining('E.164') });
    await expect(run('send_dtmf', { digits: '12 #a' })).resolves.toMatchObject({ effect: { type: 'dtmf', digits: '12#A' } });
    await expect(run('send_dtmf', { digits: '9x' })).resolves.toEqual({ result: expect.stringContaining('No keys pressed') });
  });

  it('runs no tool the agent was not offered, and refuses arguments that are not an object', async () => {
    await expect(run('mystery', {})).resolves.toEqual({ result: 'There is no tool named "mystery".' });
    await expect(runner.run({ name: 'send_dtmf', arguments: '[1,2' }, request, new AbortController().signal)).resolves.toEqual({
      result: 'The arguments of send_dtmf are not a JSON object.',
    });
    const plain = demoRequest('hi');
    await expect(runner.run({ name: 'search_kb', arguments: '{"query":"x"}' }, plain, new AbortController().signal)).resolves.toEqual({
      result: 'There is no tool named "search_kb".',
    });
  });
});
