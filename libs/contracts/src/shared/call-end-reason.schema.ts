import { z } from 'zod';

/** Why a call ended: shared by the voice `call_end` frame and the `call.ended` event. */
export const callEndReasonSchema = z.enum([
  'hangup', // the telephony side closed the socket
  'end_call', // the client sent `end_call`
  'agent_ended', // the agent said goodbye
  'max_duration',
  'max_turns',
  'silence_timeout',
  'balance_exhausted',
  'kicked', // a supervisor ended it
  'error',
]);

export type CallEndReason = z.infer<typeof callEndReasonSchema>;
