import type { CallEndReason } from '@parley/contracts';

/** The statuses of reference 002 ("Call Status"). */
export const CALL_STATUSES = ['initiated', 'in_progress', 'completed', 'failed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * Endings where the call did not do its job: reference 002's "failed - Call failed or was
 * cancelled". The dialer moves a task to `failed` on the same endings.
 */
const FAILED_ENDINGS: ReadonlySet<CallEndReason> = new Set([
  'BALANCE_EXHAUSTED',
  'CANCELLED',
  'SHUTDOWN',
  'PLATFORM_ERROR',
]);

export function statusAfterEnding(reason: CallEndReason): CallStatus {
  return FAILED_ENDINGS.has(reason) ? 'failed' : 'completed';
}
