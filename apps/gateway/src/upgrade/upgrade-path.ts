/** What an upgrade request asks for, read from its path alone (query string ignored). */
export type UpgradeTarget =
  | { readonly kind: 'key'; readonly key: string; readonly carrier?: string }
  | { readonly kind: 'ticket'; readonly ticket: string; readonly carrier?: string };

/**
 * The voice paths:
 * - `/voice/<api-key>` and `/voice/dial/<ticket>`: the raw protocol (reference 003);
 * - `/telephony/<carrier>/<api-key>` and `/telephony/<carrier>/dial/<ticket>`: a carrier's media stream.
 * Undefined for any other path. Segments are returned as sent, possibly malformed: checking
 * the key's format and the carrier's name are separate answers.
 */
export function upgradeTargetOf(url: string | undefined): UpgradeTarget | undefined {
  if (!url) return undefined;
  const query = url.indexOf('?');
  const segments = (query === -1 ? url : url.slice(0, query)).split('/');
  if (segments[0] !== '') return undefined;
  const [, area, ...rest] = segments;
  if (area === 'voice') return credentialOf(rest, undefined);
  if (area === 'telephony' && rest.length >= 2 && rest[0] !== '') return credentialOf(rest.slice(1), rest[0]);
  return undefined;
}

function credentialOf(rest: string[], carrier: string | undefined): UpgradeTarget | undefined {
  const on = carrier === undefined ? {} : { carrier };
  if (rest.length === 1) return { kind: 'key', key: rest[0], ...on };
  if (rest.length === 2 && rest[0] === 'dial') return { kind: 'ticket', ticket: rest[1], ...on };
  return undefined;
}
