import type { LlmAgentConfig, LlmReplyRequest } from '@parley/contracts';

/**
 * The demo shop agent of `tools/dev/seed/demo-data.ts` as an LLM request carries it: its knowledge
 * text, then its FAQ written as `Q:`/`A:` pairs (the knowledge format of `agentConfigSchema`).
 */
export const DEMO_KNOWLEDGE = [
  'Business hours: Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.',
  'Returns: unused items can be returned within 30 days with the receipt, for a full refund.',
  'Shipping: standard shipping takes 3 to 5 business days and is free on orders over 50 dollars; ' +
    'express shipping takes 1 to 2 business days.',
  'Contact: email support@parley.local, or call this number during business hours.',
  '',
  'Q: When are you open?',
  'A: Monday to Friday 9 to 6, Saturday 10 to 2, closed Sunday.',
  '',
  'Q: How do I return an item?',
  'A: Bring it back unused within 30 days with the receipt.',
  '',
  'Q: How long does shipping take?',
  'A: Standard 3 to 5 business days, express 1 to 2.',
  '',
  'Q: How can I reach a person?',
  'A: Email support@parley.local during business hours.',
].join('\n');

export const DEMO_GREETING = 'Hi, thanks for calling the Parley demo shop! How can I help you today?';

export const demoAgent: LlmAgentConfig = {
  agentId: 'agent_demo',
  systemPrompt: 'You are the friendly phone support agent of the Parley demo shop.',
  language: 'en-US',
  llm: { provider: 'local', model: 'local' },
  knowledgeBaseIds: [],
  knowledge: DEMO_KNOWLEDGE,
  greeting: DEMO_GREETING,
};

/** A request for the reply to `said` (no user message: the opening turn). */
export function demoRequest(said: string | undefined, overrides: Partial<LlmReplyRequest> = {}): LlmReplyRequest {
  return {
    callId: 'call_demo',
    orgId: 'org_demo',
    turnId: 'turn_1',
    agent: demoAgent,
    messages:
      said === undefined
        ? [{ role: 'system', content: demoAgent.systemPrompt }]
        : [
            { role: 'assistant', content: DEMO_GREETING },
            { role: 'user', content: said },
          ],
    ...overrides,
  };
}
