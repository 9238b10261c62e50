import type { AgentConfig } from '@parley/contracts';
import { callContextBlock, type ContextData, fillPlaceholders } from './placeholders';

export interface TaskPersonalization {
  /** The task's own greeting, which replaces the agent's. */
  readonly startingMessage: string | null;
  readonly contextData: ContextData | null;
}

/**
 * The agent as this task's call should run it: the task's starting message (or the agent's
 * greeting) and the system prompt with `{{placeholders}}` filled from `context_data`, and the
 * context appended to the system prompt so the LLM sees every fact, named or not.
 */
export function personalizeAgent(agent: AgentConfig, task: TaskPersonalization): AgentConfig {
  const data = task.contextData;
  const greeting = fillPlaceholders(task.startingMessage ?? agent.greeting, data);
  const context = callContextBlock(data);
  const prompt = fillPlaceholders(agent.systemPrompt, data);
  const systemPrompt = context ? `${prompt.trimEnd()}\n\n${context}` : prompt;
  return { ...agent, greeting, systemPrompt };
}
