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

/** Milliseconds since the epoch (`epochMs(column)`) as `Date.prototype.toISOString()` writes them. */
export function jsonIso(epochMsText: string | null): string {
  return epochMsText === null ? 'null' : `"${new Date(Number(epochMsText)).toISOString()}"`;
}

/** SQL for a timestamptz as whole milliseconds since the epoch, for `jsonIso`. */
export function epochMs(column: string): string {
  return `(extract(epoch from ${column}) * 1000)::bigint`;
}
