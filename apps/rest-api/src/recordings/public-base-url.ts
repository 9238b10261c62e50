import type { ApiRequest } from '../http/http-types';

/**
 * `scheme://host` as the client addressed this API, for the proxy URLs recordings return: behind
 * a TLS-terminating proxy `X-Forwarded-Proto` says https.
 */
export function publicBaseUrl(req: ApiRequest): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}
