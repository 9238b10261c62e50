import { z } from 'zod';
import { callEndReasonSchema } from '../shared/call-end-reason.schema';

/**
 * End the call with this reason. `KICKED`: a supervisor ended it; `BALANCE_EXHAUSTED`: billing
 * ran out of points (the client gets `error{BALANCE_EXHAUSTED}` before `call_end`);
 * `CLIENT_ENDED`: the API client ended it (`POST /calls/:id/end`); `CANCELLED`: the API client
 * cancelled it (`POST /calls/:id/cancel`, the call counts as failed).
 */
export const endCallCommandSchema = z.object({
  type: z.literal('end'),
  reason: callEndReasonSchema.extract(['KICKED', 'BALANCE_EXHAUSTED', 'CLIENT_ENDED', 'CANCELLED']),
});

/** Stop processing caller audio (no STT, no VAD, no barge-in); it is still recorded. */
export const muteCallCommandSchema = z.object({ type: z.literal('mute') });

export const unmuteCallCommandSchema = z.object({ type: z.literal('unmute') });

/** A supervisor message added to what the agent's LLM reads on its next turn; never spoken. */
export const whisperCallCommandSchema = z.object({
  type: z.literal('whisper'),
  text: z.string().trim().min(1).max(4_000),
});

/** What reference 004's send-data carries: a string or a JSON object. */
export const broadcastDataSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** Data for the call's client (reference 004 "send-data" without destinations): a `data` frame. */
export const broadcastCallCommandSchema = z.object({
  type: z.literal('broadcast'),
  data: broadcastDataSchema,
  topic: z.string().min(1).max(128).optional(),
});

export const recordingStartCallCommandSchema = z.object({ type: z.literal('recording-start') });

export const recordingStopCallCommandSchema = z.object({ type: z.literal('recording-stop') });

/**
 * `voice.v1.sess.<callId>.command`: a core NATS request to a live call, answered by the gateway
 * that holds it. NO_RESPONDERS means the call is not live (never started, or already ended).
 */
export const callCommandSchema = z.discriminatedUnion('type', [
  endCallCommandSchema,
  muteCallCommandSchema,
  unmuteCallCommandSchema,
  whisperCallCommandSchema,
  broadcastCallCommandSchema,
  recordingStartCallCommandSchema,
  recordingStopCallCommandSchema,
]);

export type CallCommand = z.infer<typeof callCommandSchema>;
export type CallCommandType = CallCommand['type'];
export type EndCallCommand = z.infer<typeof endCallCommandSchema>;
export type BroadcastCallCommand = z.infer<typeof broadcastCallCommandSchema>;
