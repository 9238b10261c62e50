import type { ApiErrorCode } from './api-error';
import type { ApiRequest } from './http-types';

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
