import { z } from 'zod';

/**
 * The gateway's answer to a call command: the command took effect. A refusal is an error
 * envelope instead (e.g. CONFLICT: `recording-start` while recording, or a command to a call
 * that is already ending).
 */
export const callCommandReplySchema = z.object({
  ok: z.literal(true),
});

export type CallCommandReply = z.infer<typeof callCommandReplySchema>;
