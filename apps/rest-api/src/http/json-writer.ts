/**
 * Pieces of JSON written straight from Postgres's text columns (`SqlPool.textRows`), for the list
 * pages: each view's row writer joins them into one item, with no object in between.
 */

/** A text column as a JSON string (escaped by `JSON.stringify`), or null. */
export function jsonString(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/**
 * A uuid or enum column: Postgres prints only letters, digits, `-` and `_` for these, which JSON
 * needs no escape for, so the quotes alone are its JSON.
 */
export function jsonToken(value: string | null): string {
  return value === null ? 'null' : `"${value}"`;
}

/** A column Postgres already printed as JSON: a number, or a json/jsonb value. */
export function jsonRaw(value: string | null): string {
  return value ?? 'null';
}

/** A boolean column (`t` / `f` in text). */
export function jsonBool(value: string | null): string {
  return value === null ? 'null' : value === 't' ? 'true' : 'false';
}

/**
 * A timestamptz column as `Date.prototype.toISOString()` writes it. `SqlPool` sessions run in UTC
 * with ISO dates, so Postgres prints `2026-03-31 10:00:00.12+00` (fraction trimmed, absent when
 * zero): rewriting that text costs a tenth of parsing it into a `Date` and printing it again.
 */
export function jsonTimestamp(value: string | null): string {
  if (value === null) return 'null';
  if (value.length < 22 || value[10] !== ' ' || !value.endsWith('+00')) return `"${new Date(value).toISOString()}"`;
  const dot = value.indexOf('.', 19);
  const fraction = dot === -1 ? '000' : `${value.slice(dot + 1, value.length - 3)}00`.slice(0, 3);
  return `"${value.slice(0, 10)}T${value.slice(11, 19)}.${fraction}Z"`;
}
