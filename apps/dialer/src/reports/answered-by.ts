import type { AnsweredBy } from '@parley/contracts';

/**
 * Who answered a task call, for its report: the carrier's answering machine detection (Twilio
 * `AnsweredBy`, stored in `call_answers`) wins when it decided; the gateway's detector on the
 * callee's first seconds (`answeredBy` of `call.ended`) speaks when the carrier said nothing or
 * `unknown`. Null when neither knows.
 */
export function whoAnswered(carrier: string | null, detected: AnsweredBy | undefined): string | null {
  if (carrier && carrier !== 'unknown') return carrier;
  return detected ?? carrier;
}
