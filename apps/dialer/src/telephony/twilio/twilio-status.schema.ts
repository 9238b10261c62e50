import { z } from 'zod';

/** Twilio's call statuses, as status callbacks report them. */
export const twilioCallStatuses = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;

/**
 * A Twilio status callback's form (twilio.com/docs/voice/api/call-resource#statuscallback): only
 * the fields the dialer reads; the rest is kept so the signature covers exactly what was sent.
 */
export const twilioStatusCallbackSchema = z.looseObject({
  CallSid: z.string().min(1),
  AccountSid: z.string().min(1),
  CallStatus: z.enum(twilioCallStatuses),
  /** With `MachineDetection`: human, machine_start, machine_end_beep, machine_end_silence, machine_end_other, fax, unknown. */
  AnsweredBy: z.string().min(1).optional(),
});

export type TwilioStatusCallback = z.infer<typeof twilioStatusCallbackSchema>;
