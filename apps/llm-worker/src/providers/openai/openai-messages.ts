import type { LlmReplyRequest } from '@parley/contracts';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

/**
 * The request as chat messages: the agent's system prompt with its knowledge text, the turn's
 * context (call data, supervisor whispers) as system notes, then the conversation. The history may
 * hold system entries of its own (an earlier whisper); they pass through in place.
 */
export function toOpenAiMessages(request: LlmReplyRequest): ChatCompletionMessageParam[] {
  const { agent, context } = request;
  const system = [agent.systemPrompt.trim()];
  if (agent.knowledge?.trim()) system.push(`Answer from this information when it applies:\n${agent.knowledge.trim()}`);
  const variables = Object.entries(context?.variables ?? {});
  if (variables.length) system.push(`Call data:\n${variables.map(([key, value]) => `- ${key}: ${value}`).join('\n')}`);
  const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: system.filter(Boolean).join('\n\n') }];
  for (const message of request.messages) messages.push({ role: message.role, content: message.content });
  for (const whisper of context?.whispers ?? []) messages.push({ role: 'system', content: `Supervisor note (do not read aloud): ${whisper}` });
  return messages;
}
