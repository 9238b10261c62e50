const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Billing keys organizations and calls by uuid; an event naming anything else can never be stored. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
