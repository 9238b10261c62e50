import type { ApiRequest } from '../http/http-types';

/** `ws://host/ws/calls/<id>` as the client reached this API (`wss` behind a TLS proxy). */
export function liveSocketUrl(req: ApiRequest, callId: string): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const scheme = proto === 'https' ? 'wss' : 'ws';
  return `${scheme}://${req.headers.host ?? 'localhost:3000'}/ws/calls/${encodeURIComponent(callId)}`;
}
