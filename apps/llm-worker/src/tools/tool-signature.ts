import { createHmac } from 'node:crypto';

/** Headers of every custom tool request (docs/tools.md "Verifying a tool request"). */
export const TOOL_HEADERS = {
  signature: 'x-parley-signature',
  timestamp: 'x-parley-timestamp',
} as const;

/**
 * Hex HMAC-SHA256, keyed with `LLM_TOOLS_SIGNING_SECRET`, of `${timestamp}.${body}`: the Unix time
 * in seconds from `X-Parley-Timestamp`, a dot, then the raw body. The webhooks scheme, so a
 * receiver verifies both the same way, and covering the timestamp lets it refuse replays.
 */
export function signToolRequest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function toolRequestHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Parley-Tools/1',
    [TOOL_HEADERS.timestamp]: String(timestamp),
    [TOOL_HEADERS.signature]: signToolRequest(secret, timestamp, body),
  };
}
