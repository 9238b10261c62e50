import { z } from 'zod';

export const chatRoleSchema = z.enum(['system', 'user', 'assistant']);

/** One entry of the conversation history sent to the LLM. */
export const chatMessageSchema = z.object({
  role: chatRoleSchema,
  content: z.string(),
});

export type ChatRole = z.infer<typeof chatRoleSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
