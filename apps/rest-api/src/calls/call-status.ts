import { type CallEndReason, isFailedEnding } from '@parley/contracts';

/** The statuses of reference 002 ("Call Status"). */
export const CALL_STATUSES = ['initiated', 'in_progress', 'completed', 'failed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export function statusAfterEnding(reason: CallEndReason): CallStatus {
  return isFailedEnding(reason) ? 'failed' : 'completed';
}
