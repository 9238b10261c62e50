import { randomBytes } from 'node:crypto';

/** A Twilio SID: two-letter prefix (`CA` call, `MZ` stream, `AC` account) + 32 hex digits. */
export function twilioSid(prefix: 'AC' | 'CA' | 'MZ' | 'PN'): string {
  return prefix + randomBytes(16).toString('hex');
}
