import type { AgentConfig } from '@parley/contracts';
import { personalizeAgent } from './dial-agent';

const agent: AgentConfig = {
  agentId: 'agent-1',
  name: 'Support',
  language: 'en',
  greeting: 'Hello {{customer_name}}, this is Acme.',
  systemPrompt: 'You help {{customer_name}} with orders.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider: 'embedded', model: 'default' },
  sttProvider: 'embedded',
  limits: { maxDurationSec: 600, maxTurns: 50, silenceTimeoutSec: 30 },
  knowledgeBaseIds: [],
  recordingEnabled: false,
} as AgentConfig;

describe('personalizeAgent', () => {
  it("fills the agent's greeting and system prompt and appends the call context", () => {
    const call = personalizeAgent(agent, { startingMessage: null, contextData: { customer_name: 'John Doe', order_id: 12345 } });
    expect(call.greeting).toBe('Hello John Doe, this is Acme.');
    expect(call.systemPrompt).toBe(
      'You help John Doe with orders.\n\nCall context:\n- customer_name: John Doe\n- order_id: 12345',
    );
    expect(call.voice).toEqual(agent.voice);
  });

  it("uses the task's starting message instead of the agent's greeting", () => {
    const task = { startingMessage: 'Hi {{customer_name}} about {{order_id}}', contextData: { customer_name: 'Ann' } };
    const call = personalizeAgent(agent, task);
    expect(call.greeting).toBe('Hi Ann about ');
  });

  it('changes nothing but empty placeholders when the task has no context', () => {
    const call = personalizeAgent(agent, { startingMessage: null, contextData: null });
    expect(call.greeting).toBe('Hello , this is Acme.');
    expect(call.systemPrompt).toBe('You help  with orders.');
  });
});
