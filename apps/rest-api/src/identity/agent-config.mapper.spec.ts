import { agentConfigSchema } from '@parley/contracts';
import type { Agent } from '@parley/db-agents';
import { toAgentConfig } from './agent-config.mapper';

function agentRow(overrides: Partial<Agent> = {}): Agent {
  const at = new Date('2026-03-31T10:00:00Z');
  return {
    id: '6a1c3f0e-0000-4000-8000-000000000001',
    orgId: '6a1c3f0e-0000-4000-8000-000000000002',
    name: 'Support',
    description: null,
    systemPrompt: 'Be brief.',
    startingMessage: 'Hello!',
    enabled: true,
    voiceSettings: null,
    dtmfRules: null,
    sttProvider: 'pocketsphinx',
    sttModel: null,
    llmProvider: 'local',
    llmModel: null,
    ttsProvider: 'flite',
    ttsModel: null,
    voice: null,
    maxDurationS: 1800,
    maxTurns: 20,
    silenceTimeoutS: 10,
    recordingEnabled: true,
    knowledgeText: null,
    faq: null,
    tools: [],
    knowledgeBaseId: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('toAgentConfig', () => {
  it('maps columns onto the contract, with defaults for empty provider fields', () => {
    const config = toAgentConfig(agentRow());
    expect(agentConfigSchema.parse(config)).toEqual(config);
    expect(config).toEqual({
      agentId: '6a1c3f0e-0000-4000-8000-000000000001',
      name: 'Support',
      language: 'en',
      greeting: 'Hello!',
      systemPrompt: 'Be brief.',
      voice: { provider: 'flite', voiceId: 'default' },
      llm: { provider: 'local', model: 'default' },
      sttProvider: 'pocketsphinx',
      limits: { maxDurationSec: 1800, maxTurns: 20, silenceTimeoutSec: 10 },
      knowledgeBaseIds: [],
      recordingEnabled: true,
    });
  });

  it('carries an agent’s choice not to record its calls', () => {
    expect(toAgentConfig(agentRow({ recordingEnabled: false })).recordingEnabled).toBe(false);
  });

  it('joins the knowledge text and the FAQ as Q/A pairs, skipping malformed FAQ entries', () => {
    const faq = [{ question: 'Open on Sunday?', answer: 'No.' }, { question: 'no answer' }, 'junk'];
    const config = toAgentConfig(agentRow({ knowledgeText: 'Hours: 9 to 5.\n', faq }));
    expect(config.knowledge).toBe('Hours: 9 to 5.\nQ: Open on Sunday?\nA: No.');
  });

  it('takes the voice, model, speed and knowledge base when the row sets them', () => {
    const config = toAgentConfig(
      agentRow({
        voice: 'slt',
        llmModel: 'gpt-4o-mini',
        voiceSettings: { speed: 1.2 },
        knowledgeBaseId: '6a1c3f0e-0000-4000-8000-000000000003',
      }),
    );
    expect(config.voice).toEqual({ provider: 'flite', voiceId: 'slt', speed: 1.2 });
    expect(config.llm.model).toBe('gpt-4o-mini');
    expect(config.knowledgeBaseIds).toEqual(['6a1c3f0e-0000-4000-8000-000000000003']);
  });

  it('ignores a speed the contract would refuse, and says nothing when there is no greeting', () => {
    const config = toAgentConfig(agentRow({ voiceSettings: { speed: 9 }, startingMessage: null }));
    expect(config.voice.speed).toBeUndefined();
    expect(config.greeting).toBe('');
    expect(agentConfigSchema.safeParse(config).success).toBe(true);
  });

  it('carries ElevenLabs voice settings, the TTS model, tools and DTMF rules; drops what the contract refuses', () => {
    const tools = [
      { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' }, url: 'https://crm.example/tool' },
      { name: 'end_call' },
      { name: 'bad name!' },
    ];
    const config = toAgentConfig(
      agentRow({
        ttsProvider: 'elevenlabs',
        ttsModel: 'eleven_flash_v2_5',
        voice: 'voice-1',
        voiceSettings: { stability: 0.4, similarity_boost: 0.8, style: 3, use_speaker_boost: true },
        tools,
        dtmfRules: { '1': 'sales' },
      }),
    );
    expect(agentConfigSchema.parse(config)).toEqual(config);
    expect(config.voice).toEqual({
      provider: 'elevenlabs',
      voiceId: 'voice-1',
      model: 'eleven_flash_v2_5',
      stability: 0.4,
      similarityBoost: 0.8,
      useSpeakerBoost: true,
    });
    expect(config.tools?.map((tool) => tool.name)).toEqual(['lookup_order', 'end_call']);
    expect(config.tools?.[0]?.url).toBe('https://crm.example/tool');
    expect(config.dtmfRules).toEqual({ '1': 'sales' });
  });
});
