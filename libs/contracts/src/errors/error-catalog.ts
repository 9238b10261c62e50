/** A provider-independent kind of failure, so callers can react without knowing every code. */
export const ERROR_CATEGORIES = ['client', 'auth', 'quota', 'provider', 'timeout', 'unavailable', 'internal'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

interface CatalogEntry {
  /** HTTP status when the error reaches an HTTP client; also decides retryability. */
  readonly status: number;
  readonly category: ErrorCategory;
  /** Overrides the status rule when the status alone says the wrong thing. */
  readonly retryable?: boolean;
}

/**
 * Every error code Parley emits, in one table. A code never changes meaning
 * (STYLE rule 2): add new codes, never repurpose one.
 */
export const ERROR_CATALOG = {
  // Voice WebSocket upgrade (reference 003).
  INVALID_KEY_FORMAT: { status: 400, category: 'auth' },
  KEY_NOT_FOUND: { status: 401, category: 'auth' },
  INSUFFICIENT_BALANCE: { status: 402, category: 'quota' },
  KEY_REVOKED: { status: 403, category: 'auth' },
  AGENT_NOT_FOUND: { status: 404, category: 'client' },
  RATE_LIMITED: { status: 429, category: 'quota' },
  PLATFORM_ERROR: { status: 500, category: 'internal' },
  // A plain HTTP request to the voice endpoint, which speaks WebSocket only.
  UPGRADE_REQUIRED: { status: 426, category: 'client' },
  // Runtime `error` frames during a call (reference 003).
  STT_ERROR: { status: 502, category: 'provider' },
  LLM_TIMEOUT: { status: 504, category: 'timeout' },
  TTS_ERROR: { status: 502, category: 'provider' },
  BALANCE_EXHAUSTED: { status: 402, category: 'quota' },
  // The call used its turns; retrying the same call cannot help.
  MAX_TURNS_REACHED: { status: 409, category: 'client' },
  // A binary frame with half a 16-bit sample: dropped, the call goes on.
  INVALID_AUDIO: { status: 400, category: 'client' },
  // A text frame that is not JSON or not a known message: ignored, the call goes on.
  INVALID_MESSAGE: { status: 400, category: 'client' },
  // Public REST API (reference 004).
  INVALID_REQUEST: { status: 400, category: 'client' },
  UNAUTHORIZED: { status: 401, category: 'auth' },
  FORBIDDEN: { status: 403, category: 'auth' },
  NOT_FOUND: { status: 404, category: 'client' },
  CONFLICT: { status: 409, category: 'client' },
  // A plan quota does not refill in seconds, unlike RATE_LIMITED, although both are 429.
  QUOTA_EXCEEDED: { status: 429, category: 'quota', retryable: false },
  INTERNAL_ERROR: { status: 500, category: 'internal' },
  // Bus transport: nobody serves the subject, or the answer came too late.
  NO_RESPONDERS: { status: 503, category: 'unavailable' },
  REQUEST_TIMEOUT: { status: 408, category: 'timeout' },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as [ErrorCode, ...ErrorCode[]];

/**
 * 4xx means the request itself is wrong and will fail again, except 408 (timeout),
 * 429 (slow down) and 499 (client closed); 5xx and transport failures may pass later.
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429 || status === 499) return true;
  return status < 400 || status >= 500;
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}

export function categoryOf(code: ErrorCode): ErrorCategory {
  return ERROR_CATALOG[code].category;
}

export function isRetryableCode(code: ErrorCode): boolean {
  const entry: CatalogEntry = ERROR_CATALOG[code];
  return entry.retryable ?? isRetryableStatus(entry.status);
}
