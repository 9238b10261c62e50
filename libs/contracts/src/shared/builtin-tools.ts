/**
 * The tools the platform runs itself, offered to an agent's LLM by name (an entry of
 * `AgentConfig.tools` without a `url`). rest-api lists them (`GET /agents/:id/tools`) and the LLM
 * worker offers and runs them, so both read their definitions here. `search_kb` is offered
 * whenever the agent has a knowledge base, named or not; `end_call` is always offered.
 */
export const BUILTIN_TOOLS = {
  search_kb: {
    description: "Search the agent's knowledge bases; returns the passages that best match the query.",
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'What to look for, in a few words' } },
      required: ['query'],
      additionalProperties: false,
    },
  },
  end_call: {
    description: 'End the phone call after your reply, when the caller says goodbye or nothing is left to do.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
  transfer_call: {
    description: 'Transfer the caller to another phone number after your reply (a cold transfer: you leave the call).',
    parameters: {
      type: 'object',
      properties: { to: { type: 'string', description: 'E.164 number, e.g. +14155550100' } },
      required: ['to'],
      additionalProperties: false,
    },
  },
  send_dtmf: {
    description: 'Press keypad keys on the call after your reply (e.g. to navigate a phone menu).',
    parameters: {
      type: 'object',
      properties: { digits: { type: 'string', description: 'Keys to press: 0-9, *, #, A-D' } },
      required: ['digits'],
      additionalProperties: false,
    },
  },
} as const satisfies Record<string, { description: string; parameters: Record<string, unknown> }>;

export type BuiltinToolName = keyof typeof BUILTIN_TOOLS;

export const BUILTIN_TOOL_NAMES = Object.keys(BUILTIN_TOOLS) as BuiltinToolName[];

export function isBuiltinTool(name: string): name is BuiltinToolName {
  return Object.hasOwn(BUILTIN_TOOLS, name);
}

/** Keys `send_dtmf` may press. */
export const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;
