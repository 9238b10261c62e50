/**
 * Keys under which personal data and secrets may be logged. The rule (STYLE 7): messages are
 * static, and anything personal goes only under one of these keys, where it is censored. `pii`
 * is the catch-all tag: `{ pii: { name, email } }` hides the whole object.
 */
export const REDACTED_KEYS = [
  'key',
  'apiKey',
  'api_key',
  'token',
  'session_token',
  'password',
  'secret',
  'authorization',
  'cookie',
  'x-api-key',
  'text',
  'transcript',
  'phone',
  'to_number',
  'from_number',
  'pii',
] as const;

export const CENSOR = '[redacted]';

/** A key at the top level, one level down (`call.phone`) or two (`req.headers.authorization`). */
export const REDACTED_PATHS: readonly string[] = REDACTED_KEYS.flatMap((key) => {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [segment.startsWith('.') ? key : segment, `*${segment}`, `*.*${segment}`];
});
