import type { Agent } from '@parley/db-agents';
import { ApiError } from '../http/api-error';
import { toAgentConfig } from '../identity/agent-config.mapper';
import { assertToolUrls, listTools } from './agent-tools';

const lookup = { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' }, url: 'https://crm.example.com/x', timeout_ms: 2_500 };

function row(tools: unknown, knowledgeBaseId: string | null = null): Agent {
  const at = new Date('2026-03-31T10:00:00Z');
  return {
    id: '6a1c3f0e-0000-4000-8000-000000000001',
    orgId: '6a1c3f0e-0000-4000-8000-000000000002',
    name: 'Support',
    description: null,
    systemPrompt: 'Be brief.',
    startingMessage: null,
    enabled: true,
    voiceSettings: null,
    dtmfRules: null,
    sttProvider: 'pocketsphinx',
    sttModel: null,
    llmProvider: 'openai',
    llmModel: null,
    ttsProvider: 'flite',
    ttsModel: null,
    voice: null,
    maxDurationS: 600,
    maxTurns: 20,
    silenceTimeoutS: 10,
    recordingEnabled: true,
    knowledgeText: null,
    faq: null,
    tools: tools as Agent['tools'],
    knowledgeBaseId,
    createdAt: at,
    updatedAt: at,
  };
}

describe('agent tools', () => {
  it('hands the LLM worker a custom tool’s URL and timeout, and built-ins by name', () => {
    const config = toAgentConfig(row([lookup, { name: 'send_dtmf', description: '', parameters: {} }]));
    expect(config.tools).toEqual([
      { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' }, url: 'https://crm.example.com/x', timeoutMs: 2_500 },
      { name: 'send_dtmf', description: '', parameters: {} },
    ]);
  });

  it('lists what the LLM worker offers, skipping stored entries it would skip', () => {
    const stored = [{ name: 'mystery', description: '', parameters: {} }, { name: 'end_call', description: '', parameters: {} }, lookup];
    expect(listTools(row(stored)).tools.map((tool) => [tool.name, tool.type])).toEqual([
      ['end_call', 'builtin'],
      ['lookup_order', 'http'],
    ]);
    expect(listTools(row(null, '6a1c3f0e-0000-4000-8000-000000000003')).tools.map((tool) => tool.name)).toEqual(['end_call', 'search_kb']);
  });

  it('allows plain http only to the hosts the config names', () => {
    const tools = [lookup, { ...lookup, url: 'http://localhost:4000/x' }, { ...lookup, url: 'http://[::1]:4000/x' }];
    expect(() => assertToolUrls(tools, ['localhost', '::1'])).not.toThrow();
    const error = (() => {
      try {
        assertToolUrls(tools, ['localhost']);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_REQUEST', details: { issues: [{ path: 'tools.2.url' }] } });
  });
});
