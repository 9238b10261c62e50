import { broadcastDataSchema } from '@parley/contracts';
import { z } from 'zod';

/** Reference 004's rooms map onto calls: their participants are the caller and the agent. */
export const CALL_PARTICIPANTS = ['caller', 'agent'] as const;
export type CallParticipant = (typeof CALL_PARTICIPANTS)[number];

/** Any id is accepted: one that is not a call of the caller's organization is simply 404. */
export const callControlParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const participantParamsSchema = callControlParamsSchema.extend({
  identity: z.string().min(1).max(64).describe('caller or agent'),
});

/** `POST /calls/:id/send-data` (reference 004 §14): to the agent it is a whisper, else a broadcast. */
export const sendDataBodySchema = z.object({
  data: broadcastDataSchema.describe('Data payload to send: a string or a JSON object'),
  destination_identities: z
    .array(z.enum(CALL_PARTICIPANTS))
    .min(1)
    .optional()
    .describe('["agent"] whispers to the agent (read on its next turn, never spoken); omit to broadcast to the caller'),
  topic: z.string().min(1).max(128).optional().describe('Message topic/channel'),
});

/** `POST /calls/:id/participants/:identity/mute` (reference 004 §14). */
export const muteBodySchema = z.object({
  muted: z.boolean().describe('true to mute, false to unmute'),
  track_sid: z.string().optional().describe('Accepted for compatibility; a call has one audio track per side'),
});

export const callActionViewSchema = z.object({
  call_id: z.string(),
  message: z.string(),
});

export const sendDataViewSchema = z.object({
  call_id: z.string(),
  delivered_to: z.array(z.enum(CALL_PARTICIPANTS)),
});

export const muteViewSchema = z.object({
  call_id: z.string(),
  identity: z.literal('caller'),
  muted: z.boolean(),
});

export const recordingControlViewSchema = z.object({
  call_id: z.string(),
  format: z.literal('wav'),
  status: z.enum(['recording', 'stopped']),
});

export type CallControlParams = z.output<typeof callControlParamsSchema>;
export type ParticipantParams = z.output<typeof participantParamsSchema>;
export type SendDataBody = z.output<typeof sendDataBodySchema>;
export type MuteBody = z.output<typeof muteBodySchema>;
export type CallActionView = z.output<typeof callActionViewSchema>;
export type SendDataView = z.output<typeof sendDataViewSchema>;
export type MuteView = z.output<typeof muteViewSchema>;
export type RecordingControlView = z.output<typeof recordingControlViewSchema>;
