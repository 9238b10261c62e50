import type { ApiErrorCode } from './api-error';
import type { ApiRequest, ApiResponse } from './http-types';
import type { JsonText } from './json-text';

/** Offset pagination as reference 002's list endpoints take it (`limit`, `offset`). */
export interface PaginationMeta {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly has_more: boolean;
}

export interface ResponseMeta {
  readonly timestamp: string;
  readonly request_id: string;
  /** Only on list responses. */
  readonly pagination?: PaginationMeta;
}

/** DESIGN "One public API": every success. */
export interface SuccessBody<T = unknown> {
  readonly success: true;
  readonly data: T;
  readonly meta: ResponseMeta;
}

/** DESIGN "One public API": every failure, with reference 004's codes. */
export interface ErrorBody {
  readonly success: false;
  readonly error: string;
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown>;
  readonly meta: ResponseMeta;
}

export function responseMeta(req: ApiRequest): ResponseMeta {
  return { timestamp: new Date().toISOString(), request_id: req.requestId ?? '' };
}

/** The success envelope around data already serialized (`JsonText`), as one string. */
export function serializedEnvelope(req: ApiRequest, data: JsonText, pagination?: PaginationMeta): string {
  const meta = JSON.stringify(pagination ? { ...responseMeta(req), pagination } : responseMeta(req));
  return `{"success":true,"data":${data.text},"meta":${meta}}`;
}

/**
 * Writes a JSON body straight to the socket (the hot routes and the error filter: no Express
 * `send`, so it works on a plain Node response too).
 */
export function sendJson(res: ApiResponse, body: string, status = 200): void {
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
