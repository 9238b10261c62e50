import { agentCreateSchema } from './agent-create.schema';
import { agentListQuerySchema } from './agent-list-query.schema';
import { agentPatchSchema } from './agent-patch.schema';

const minimal = { name: 'Support', system_prompt: 'Be brief.' };

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('agent request schemas', () => {
  it('takes the reference 002 create example as it is', () => {
    const example = {
      name: 'Customer Service Agent',
      system_prompt: 'You are a helpful customer service agent...',
      description: 'Handles customer inquiries',
      starting_message: 'Hello! How can I help you today?',
      enabled: true,
      voice_settings: { stability: 0.5, similarity_boost: 0.75 },
    };
    expect(agentCreateSchema.parse(example)).toEqual(example);
  });

  it('requires name and system_prompt, and names each missing field', () => {
    const result = agentCreateSchema.safeParse({ description: 'x' });
    expect(issuePaths(result).sort()).toEqual(['name', 'system_prompt']);
  });

  it('accepts today’s offline providers and the cloud ones, and nothing else', () => {
    const cloud = { stt_provider: 'deepgram', llm_provider: 'openai', tts_provider: 'elevenlabs' };
    const offline = { stt_provider: 'pocketsphinx', llm_provider: 'local', tts_provider: 'flite' };
    expect(agentCreateSchema.safeParse({ ...minimal, ...cloud }).success).toBe(true);
    expect(agentCreateSchema.safeParse({ ...minimal, ...offline }).success).toBe(true);
    const wrong = agentCreateSchema.safeParse({ ...minimal, stt_provider: 'whisper', tts_provider: 'polly' });
    expect(issuePaths(wrong).sort()).toEqual(['stt_provider', 'tts_provider']);
  });

  it('refuses unknown fields, so a misspelt one is not silently dropped', () => {
    expect(issuePaths(agentCreateSchema.safeParse({ ...minimal, prompt: 'x' }))).toEqual(['']);
    expect(issuePaths(agentCreateSchema.safeParse({ ...minimal, voice_settings: { stabilty: 1 } }))).toEqual([
      'voice_settings',
    ]);
  });

  it('checks limits, FAQ entries and tools', () => {
    const result = agentCreateSchema.safeParse({
      ...minimal,
      max_turns: 0,
      silence_timeout_seconds: 1.5,
      faq: [{ question: 'Open?' }],
      tools: [{ name: 'has space', url: 'https://crm.example.com/x' }],
    });
    expect(issuePaths(result).sort()).toEqual(['faq.0.answer', 'max_turns', 'silence_timeout_seconds', 'tools.0.name']);
  });

  it('fills a tool’s description and parameters, and refuses two tools of one name', () => {
    const url = 'https://crm.example.com/tools/lookup';
    const parsed = agentCreateSchema.parse({ ...minimal, tools: [{ name: 'lookup_order', url }, { name: 'end_call' }] });
    expect(parsed.tools).toEqual([
      { name: 'lookup_order', description: '', parameters: { type: 'object', properties: {} }, url },
      { name: 'end_call', description: '', parameters: { type: 'object', properties: {} } },
    ]);
    const twice = agentCreateSchema.safeParse({ ...minimal, tools: [{ name: 'end_call' }, { name: 'end_call' }] });
    expect(issuePaths(twice)).toEqual(['tools']);
  });

  it('takes built-ins by name and custom tools with a URL and a timeout; refuses what mixes the two', () => {
    const url = 'https://crm.example.com/tools/lookup';
    const ok = agentCreateSchema.safeParse({
      ...minimal,
      tools: [{ name: 'transfer_call' }, { name: 'send_dtmf' }, { name: 'search_kb' }, { name: 'lookup', url, timeout_ms: 2_000 }],
    });
    expect(ok.success).toBe(true);
    const bad = agentCreateSchema.safeParse({
      ...minimal,
      tools: [
        { name: 'lookup_order' },
        { name: 'end_call', url },
        { name: 'send_dtmf', timeout_ms: 1_000 },
        { name: 'ftp', url: 'ftp://crm.example.com/x' },
        { name: 'slow', url, timeout_ms: 60_000 },
      ],
    });
    expect(issuePaths(bad).sort()).toEqual(['tools.0.url', 'tools.1.name', 'tools.2.timeout_ms', 'tools.3.url', 'tools.4.timeout_ms']);
  });

  it('patches any subset, clears nullable fields with null, and refuses an empty patch', () => {
    expect(agentPatchSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(agentPatchSchema.parse({ voice_settings: null, faq: null })).toEqual({ voice_settings: null, faq: null });
    expect(agentPatchSchema.safeParse({}).success).toBe(false);
    expect(agentPatchSchema.safeParse({ name: null }).success).toBe(false);
  });

  it('reads list queries as reference 002 documents them', () => {
    expect(agentListQuerySchema.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(agentListQuerySchema.parse({ enabled: 'false', limit: '10', offset: '20' })).toEqual({
      enabled: false,
      limit: 10,
      offset: 20,
    });
    expect(issuePaths(agentListQuerySchema.safeParse({ enabled: 'maybe', limit: '101', offset: '-1' })).sort()).toEqual(
      ['enabled', 'limit', 'offset'],
    );
  });
});
