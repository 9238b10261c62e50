const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The read model's ids are Postgres uuids; the bus contract allows any subject-safe token. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

/** An optional reference kept only when it can be stored (a test client's `key-1` cannot). */
export function uuidOrNull(value: string | undefined): string | null {
  return isUuid(value) ? value : null;
}
