import { SUBJECT_TOKEN } from '../shared/ids.schema';

/** Matches any one token; only for subscribing to a channel across every call. */
export const ANY_TOKEN = '*';

/**
 * Guards a value interpolated into a subject: a dot or wildcard inside an id would
 * silently address other subjects.
 */
export function subjectToken(value: string, allowWildcard = false): string {
  if (SUBJECT_TOKEN.test(value) || (allowWildcard && value === ANY_TOKEN)) return value;
  throw new RangeError(`not a valid subject token: ${JSON.stringify(value)}`);
}
