import { z } from 'zod';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';
import { errorCodeSchema } from '../errors/error-envelope.schema';
import { broadcastDataSchema } from '../voice/call-command.schema';

/**
 * JSON text frames the gateway sends to the telephony client (references 000/001/003).
 * They form one protocol, discriminated by `type`, so they live together; binary
 * frames carry the audio.
 */
export const voiceServerMessageSchema = z.discriminatedUnion('type', [
  /** The agent began speaking; binary frames follow. */
  z.object({ type: z.literal('audio_start') }),
  /** The agent finished speaking; listening again. */
  z.object({ type: z.literal('audio_end') }),
  /** A final line of the conversation. */
  z.object({ type: z.literal('transcript'), role: z.enum(['user', 'assistant']), text: z.string() }),
  /** Partial transcript of the caller's current speech. */
  z.object({ type: z.literal('interim'), text: z.string() }),
  /** The agent is thinking about its reply. */
  z.object({ type: z.literal('turn_start') }),
  /** A recoverable error; the call stays open unless a `call_end` follows. */
  z.object({ type: z.literal('error'), code: errorCodeSchema, message: z.string() }),
  /** The server is closing the call. */
  z.object({ type: z.literal('call_end'), reason: callEndReasonSchema }),
  /**
   * Data an API client broadcast to the call (reference 004 "send-data" without destinations,
   * mapped onto calls). Not part of references 001/003: a client that only knows those frames
   * ignores it, as it would any unknown `type`.
   */
  z.object({
    type: z.literal('data'),
    data: broadcastDataSchema,
    topic: z.string().optional(),
  }),
]);

export type VoiceServerMessage = z.infer<typeof voiceServerMessageSchema>;
export type VoiceServerMessageType = VoiceServerMessage['type'];
