import { createHmac } from 'node:crypto';

/**
 * Twilio's documented request signature (`X-Twilio-Signature`): base64 HMAC-SHA1, keyed by the
 * account's auth token, over the full URL Twilio requested followed by every POST parameter as
 * name + value, sorted by name. Written here independently of the dialer's validator, so a spec
 * using the fake checks the dialer against the documented scheme rather than against itself.
 */
export function twilioRequestSignature(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}
