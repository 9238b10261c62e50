import { z } from 'zod';

/** JSON text frames a telephony client may send; today only a graceful hang-up. */
export const voiceClientMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('end_call') })]);

export type VoiceClientMessage = z.infer<typeof voiceClientMessageSchema>;
