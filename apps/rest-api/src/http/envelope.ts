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
  return `{"success":true,"data":${data.text},"meta":${metaJson(req, pagination)}}`;
}

function metaJson(req: ApiRequest, pagination?: PaginationMeta): string {
  return JSON.stringify(pagination ? { ...responseMeta(req), pagination } : responseMeta(req));
}

const ENVELOPE_HEAD = Buffer.from('{"success":true,"data":');

/**
 * `serializedEnvelope`'s body written as three chunks in one socket write (the hot list routes):
 * the data's bytes go out as they are kept (`JsonText.bytes`), never copied into one string of
 * the whole body.
 */
export function sendEnvelope(res: ApiResponse, req: ApiRequest, data: JsonText, pagination?: PaginationMeta): void {
  const tail = Buffer.from(`,"meta":${metaJson(req, pagination)}}`);
  const bytes = data.bytes;
  res.statusCode = 200;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', ENVELOPE_HEAD.length + bytes.length + tail.length);
  res.cork(); // end() uncorks: headers and the three chunks leave together
  res.write(ENVELOPE_HEAD);
  res.write(bytes);
  res.end(tail);
}

/**
 * Writes a JSON body straight to the socket (the error filter: no Express `send`, so it works on
 * the plain Node response of a hot route too).
 */
export function sendJson(res: ApiResponse, body: string, status = 200): void {
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
