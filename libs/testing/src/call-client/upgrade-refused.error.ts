/** The `{code, message}` body the platform sends with a refused upgrade (reference 003). */
export interface UpgradeRefusalBody {
  readonly code: string;
  readonly message: string;
}

/**
 * The server answered the WebSocket upgrade with an HTTP status instead of 101. `body` is the
 * parsed `{code, message}` when the server sent one; `rawBody` is what it actually sent.
 */
export class VoiceUpgradeRefusedError extends Error {
  override readonly name = 'VoiceUpgradeRefusedError';

  constructor(
    readonly status: number,
    readonly body: UpgradeRefusalBody | undefined,
    readonly rawBody: string,
  ) {
    super(`voice upgrade refused with HTTP ${status}${body ? ` ${body.code}: ${body.message}` : ''}`);
  }

  /** Reference 003: a 4xx refusal is a configuration problem, except 408 and 429. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** Reads a refusal body; anything but a JSON object with string `code` and `message` gives undefined. */
export function parseRefusalBody(rawBody: string): UpgradeRefusalBody | undefined {
  try {
    const json: unknown = JSON.parse(rawBody);
    if (typeof json !== 'object' || json === null) return undefined;
    const { code, message } = json as Record<string, unknown>;
    return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
  } catch {
    return undefined;
  }
}
