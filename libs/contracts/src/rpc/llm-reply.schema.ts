import { z } from 'zod';
import { agentConfigSchema } from '../shared/agent-config.schema';
import { chatMessageSchema } from '../shared/chat-message.schema';
import { callIdSchema, entityIdSchema, turnIdSchema } from '../shared/ids.schema';

/** The part of the agent's configuration the LLM worker needs. */
export const llmAgentConfigSchema = agentConfigSchema
  .pick({
    agentId: true,
    systemPrompt: true,
    language: true,
    llm: true,
    knowledgeBaseIds: true,
    knowledge: true,
    fallbackMessage: true,
    tools: true,
    dtmfRules: true,
  })
  // Optional here (required in the full config): only an opening turn speaks it, and requests
  // published before it was added stay valid.
  .extend({ greeting: agentConfigSchema.shape.greeting.optional() });

/**
 * `llm.v1.rpc.reply`: generate the agent's reply for one turn. The reply text is
 * streamed by sentence on `voice.v1.sess.<id>.reply-text`; the RPC answers as soon
 * as the worker has accepted the turn, so the caller never waits for the full text.
 */
export const llmReplyRequestSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  turnId: turnIdSchema,
  agent: llmAgentConfigSchema,
  /** The conversation so far; while it holds no user message, the reply opens the call. */
  messages: z.array(chatMessageSchema).min(1),
  /** Facts injected for this turn only: supervisor whispers, caller metadata. */
  context: z
    .object({
      whispers: z.array(z.string()).optional(),
      variables: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

export const llmReplyReplySchema = z.object({
  turnId: turnIdSchema,
  accepted: z.literal(true),
});

export type LlmAgentConfig = z.infer<typeof llmAgentConfigSchema>;
export type LlmReplyRequest = z.infer<typeof llmReplyRequestSchema>;
export type LlmReplyReply = z.infer<typeof llmReplyReplySchema>;
