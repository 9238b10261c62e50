import { VoiceUpgradeRefusedError } from '@parley/testing';

/** What to do about each refusal code of reference 003, for the person at the terminal. */
const REFUSAL_HINTS: Record<string, string> = {
  INVALID_KEY_FORMAT: 'The key in the URL is malformed: keys are sk_live_ + 64 letters/digits.',
  KEY_NOT_FOUND: 'The key is unknown to this platform: run npm run seed for fresh demo keys in .parley/demo.env.',
  KEY_REVOKED: 'The key was revoked: run npm run seed (or create a key) and retry.',
  AGENT_NOT_FOUND: "The key's agent was deleted: bind the key to an existing agent.",
  INSUFFICIENT_BALANCE: 'The organisation has no points left: top up its balance.',
  RATE_LIMITED: 'Too many calls are running for this organisation: wait for one to end.',
  PLATFORM_ERROR: "The platform failed: retry in a few seconds and check the gateway's log.",
};

/** A key shortened for the terminal: enough to tell keys apart, not enough to use one. */
export function maskKey(url: string): string {
  return url.replace(/(sk_live_[A-Za-z0-9]{4})[A-Za-z0-9]+/g, '$1…');
}

/** One readable explanation of why the call could not be connected. */
export function describeConnectError(error: unknown, url: string): string {
  const where = maskKey(url);
  if (error instanceof VoiceUpgradeRefusedError) {
    const what = error.body ? `${error.body.code}: ${error.body.message}` : error.rawBody.trim() || 'no body';
    const hint = (error.body && REFUSAL_HINTS[error.body.code]) ?? '';
    return `The gateway refused the call with HTTP ${error.status} (${what}).${hint ? `\n${hint}` : ''}`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return `Nothing answers at ${where}. Is Parley running? Start it with npm start`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Cannot resolve the host of ${where}.`;
  const message = error instanceof Error ? error.message : String(error);
  if (/handshake has timed out/i.test(message)) return `The gateway at ${where} did not complete the WebSocket upgrade in time.`;
  if (error instanceof SyntaxError) return `Not a usable voice URL (${where}): ${message}`;
  return `Cannot connect to ${where}: ${message}`;
}
