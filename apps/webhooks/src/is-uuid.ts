const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Organizations, endpoints and deliveries are UUIDs: any other id names nothing (and must not reach a uuid column). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
