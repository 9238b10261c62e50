import { z } from 'zod';

/**
 * Why a call ended: shared by the voice `call_end` frame, the `end` control message and the
 * `call.ended` event. Upper case like the error codes, as reference 003 spells
 * `call_end{reason:'MAX_TURNS_REACHED'}`. For the limits reference 003 lists (MAX_TURNS_REACHED,
 * BALANCE_EXHAUSTED) an `error` frame with the same code precedes `call_end`.
 */
export const callEndReasonSchema = z.enum([
  'HANGUP', // the telephony side closed the socket
  'CLIENT_ENDED', // the client sent `end_call`
  'AGENT_ENDED', // the agent said goodbye
  'MAX_DURATION_REACHED',
  'MAX_TURNS_REACHED',
  'SILENCE_TIMEOUT',
  'BALANCE_EXHAUSTED',
  'KICKED', // a supervisor ended it
  'CANCELLED', // the API client cancelled it (`POST /calls/:id/cancel`): the call counts as failed
  'SHUTDOWN', // the gateway is stopping
  'PLATFORM_ERROR', // the platform (or a broken client stream) could not go on
]);

export type CallEndReason = z.infer<typeof callEndReasonSchema>;

/**
 * Endings where the call did not do its job: reference 002's "failed - Call failed or was
 * cancelled". The calls read model and the dialer's tasks and reports all judge a call by this.
 */
const FAILED_ENDINGS: ReadonlySet<CallEndReason> = new Set(['BALANCE_EXHAUSTED', 'CANCELLED', 'SHUTDOWN', 'PLATFORM_ERROR']);

export function isFailedEnding(reason: CallEndReason): boolean {
  return FAILED_ENDINGS.has(reason);
}
