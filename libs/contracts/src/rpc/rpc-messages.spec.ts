import type { AgentConfig } from '../shared/agent-config.schema';
import { balanceGetReplySchema, balanceGetRequestSchema } from './balance-get.schema';
import { keyResolveReplySchema, keyResolveRequestSchema } from './key-resolve.schema';
import { llmReplyReplySchema, llmReplyRequestSchema } from './llm-reply.schema';
import { sttSessionCloseReplySchema, sttSessionCloseRequestSchema } from './stt-session-close.schema';
import { sttSessionOpenReplySchema, sttSessionOpenRequestSchema } from './stt-session-open.schema';
import { ttsSynthesizeReplySchema, ttsSynthesizeRequestSchema } from './tts-synthesize.schema';

const agent: AgentConfig = {
  agentId: 'ag_1',
  name: 'Support',
  language: 'en-US',
  greeting: 'Hello, how can I help?',
  systemPrompt: 'You are a helpful support agent.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider: 'local', model: 'local', temperature: 0.2 },
  sttProvider: 'pocketsphinx',
  limits: { maxDurationSec: 1800, maxTurns: 20, silenceTimeoutSec: 10 },
  knowledgeBaseIds: ['kb_1'],
};
const keyHash = 'a'.repeat(64);

describe('STT session RPCs', () => {
  it('accepts a 16 kHz PCM16 open request and its reply', () => {
    const req = { callId: 'c1', sampleRate: 16000, encoding: 'pcm16le', language: 'en-US', hints: ['Parley'] };
    expect(sttSessionOpenRequestSchema.parse(req)).toEqual(req);
    expect(
      sttSessionOpenReplySchema.safeParse({ callId: 'c1', workerId: 'stt-1', provider: 'pocketsphinx' }).success,
    ).toBe(true);
  });

  it('accepts a keepalive interval from 100 ms to 10 s only', () => {
    const req = { callId: 'c1', sampleRate: 16000, encoding: 'pcm16le', language: 'en-US' };
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, keepaliveMs: 250 }).success).toBe(true);
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, keepaliveMs: 50 }).success).toBe(false);
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, keepaliveMs: 250.5 }).success).toBe(false);
  });

  it('takes the source rate of resampled audio: a whole rate from 8 to 48 kHz', () => {
    const req = { callId: 'c1', sampleRate: 16000, encoding: 'pcm16le', language: 'en-US' };
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, sourceRate: 8000 }).success).toBe(true);
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, sourceRate: 4000 }).success).toBe(false);
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, sourceRate: 8000.5 }).success).toBe(false);
  });

  it('rejects another sample rate or encoding', () => {
    const req = { callId: 'c1', sampleRate: 16000, encoding: 'pcm16le', language: 'en-US' };
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, sampleRate: 8000 }).success).toBe(false);
    expect(sttSessionOpenRequestSchema.safeParse({ ...req, encoding: 'mulaw' }).success).toBe(false);
  });

  it('accepts a close request and reply, and rejects a close without call id', () => {
    expect(sttSessionCloseRequestSchema.safeParse({ callId: 'c1' }).success).toBe(true);
    expect(sttSessionCloseReplySchema.safeParse({ callId: 'c1', closed: true, audioMs: 5300 }).success).toBe(true);
    expect(sttSessionCloseRequestSchema.safeParse({}).success).toBe(false);
  });
});

describe('LLM reply RPC', () => {
  const req = {
    callId: 'c1',
    orgId: 'org_1',
    turnId: 't3',
    agent: {
      agentId: agent.agentId,
      systemPrompt: agent.systemPrompt,
      language: 'en-US',
      llm: agent.llm,
      knowledgeBaseIds: [],
    },
    messages: [{ role: 'user', content: 'What are your hours?' }],
    context: { whispers: ['offer the discount'] },
  };

  it('accepts a request with history and context, and an accepting reply', () => {
    expect(llmReplyRequestSchema.parse(req)).toEqual(req);
    expect(llmReplyReplySchema.safeParse({ turnId: 't3', accepted: true }).success).toBe(true);
  });

  it('rejects an empty history, an unknown role and a refusing reply', () => {
    expect(llmReplyRequestSchema.safeParse({ ...req, messages: [] }).success).toBe(false);
    expect(llmReplyRequestSchema.safeParse({ ...req, messages: [{ role: 'tool', content: 'x' }] }).success).toBe(false);
    expect(llmReplyReplySchema.safeParse({ turnId: 't3', accepted: false }).success).toBe(false);
  });

  it('keeps only the agent fields the LLM needs', () => {
    const parsed = llmReplyRequestSchema.parse({ ...req, agent: { ...req.agent, voice: agent.voice, name: 'x' } });
    expect(parsed.agent).not.toHaveProperty('voice');
    expect(parsed.agent).not.toHaveProperty('name');
  });

  it('carries the optional greeting, knowledge text and fallback phrase the local agent answers with', () => {
    const withKnowledge = {
      ...req,
      agent: { ...req.agent, greeting: 'Hi!', knowledge: 'Returns: within 30 days.', fallbackMessage: 'No idea.' },
    };
    expect(llmReplyRequestSchema.parse(withKnowledge)).toEqual(withKnowledge);
    expect(llmReplyRequestSchema.parse(req).agent).not.toHaveProperty('knowledge');
  });

  it('rejects an empty fallback phrase and knowledge text beyond 100,000 characters', () => {
    expect(llmReplyRequestSchema.safeParse({ ...req, agent: { ...req.agent, fallbackMessage: '' } }).success).toBe(
      false,
    );
    const huge = 'x'.repeat(100_001);
    expect(llmReplyRequestSchema.safeParse({ ...req, agent: { ...req.agent, knowledge: huge } }).success).toBe(false);
  });
});

describe('TTS synthesize RPC', () => {
  const req = {
    callId: 'c1',
    turnId: 't3',
    sentenceIndex: 0,
    text: 'We open at nine.',
    voice: agent.voice,
    sampleRate: 16000,
  };

  it('accepts a sentence at 16 kHz and its reply', () => {
    expect(ttsSynthesizeRequestSchema.parse(req)).toEqual(req);
    expect(ttsSynthesizeReplySchema.safeParse({ turnId: 't3', sentenceIndex: 0, accepted: true }).success).toBe(true);
  });

  it('rejects empty text and other sample rates', () => {
    expect(ttsSynthesizeRequestSchema.safeParse({ ...req, text: '' }).success).toBe(false);
    expect(ttsSynthesizeRequestSchema.safeParse({ ...req, sampleRate: 22050 }).success).toBe(false);
  });
});

describe('key resolve RPC', () => {
  const reply = {
    keyId: 'key_1',
    orgId: 'org_1',
    status: 'active',
    plan: 'pro',
    limits: { maxConcurrentCalls: 5, requestsPerMinute: 300 },
    agent,
  };

  it('accepts a key hash and a reply with or without a bound agent', () => {
    expect(keyResolveRequestSchema.safeParse({ keyHash }).success).toBe(true);
    expect(keyResolveReplySchema.parse(reply)).toEqual(reply);
    expect(keyResolveReplySchema.safeParse({ ...reply, status: 'revoked', agent: null }).success).toBe(true);
  });

  it('rejects a raw key in place of its hash, and an unknown plan', () => {
    expect(keyResolveRequestSchema.safeParse({ keyHash: `sk_live_${'a'.repeat(64)}` }).success).toBe(false);
    expect(keyResolveRequestSchema.safeParse({ keyHash: keyHash.toUpperCase() }).success).toBe(false);
    expect(keyResolveReplySchema.safeParse({ ...reply, plan: 'gold' }).success).toBe(false);
  });
});

describe('balance RPC', () => {
  it('accepts a balance, negative included, and rejects fractional points', () => {
    expect(balanceGetRequestSchema.safeParse({ orgId: 'org_1' }).success).toBe(true);
    const reply = { orgId: 'org_1', points: -3, asOf: '2026-01-02T03:04:05.000Z' };
    expect(balanceGetReplySchema.parse(reply)).toEqual(reply);
    expect(balanceGetReplySchema.safeParse({ ...reply, points: 1.5 }).success).toBe(false);
    expect(balanceGetReplySchema.safeParse({ ...reply, asOf: 'yesterday' }).success).toBe(false);
  });
});
