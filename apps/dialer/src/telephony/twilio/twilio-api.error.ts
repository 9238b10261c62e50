/**
 * Twilio's REST API refused a request (or could not be reached). `retryable` follows one rule:
 * 4xx is final except 408 and 429, 5xx and network failures may succeed later.
 */
export class TwilioApiError extends Error {
  readonly retryable: boolean;

  constructor(
    /** HTTP status, 0 when no answer arrived. */
    readonly status: number,
    /** Twilio's error code (`20003` bad credentials, `21211` invalid To...), when it sent one. */
    readonly code: number | undefined,
    detail: string,
  ) {
    super(describe(status, code, detail));
    this.retryable = status === 0 || status === 408 || status === 429 || status >= 500;
  }
}

function describe(status: number, code: number | undefined, detail: string): string {
  if (status === 0) return `Twilio could not be reached: ${detail}`;
  return `Twilio refused the call: HTTP ${status}${code ? `, error ${code}` : ''}: ${detail}`;
}
