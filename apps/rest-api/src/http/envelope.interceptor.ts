import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { endpointOf } from './endpoint.decorator';
import { JSON_CONTENT_TYPE, responseMeta, serializedEnvelope, type SuccessBody } from './envelope';
import type { ApiRequest, ApiResponse } from './http-types';
import { Paginated } from './paginated';
import { isApiPath } from './api-path';
import { JsonText } from './json-text';

/**
 * Wraps what an `/api` handler returns in the success envelope; a `Paginated` result puts its
 * page figures in `meta.pagination`; items already serialized (`JsonText`) are spliced in as
 * text. Raw endpoints and the service routes (`/healthz`, `/metrics`) pass through untouched.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<ApiRequest>();
    const spec = endpointOf(ctx.getHandler());
    if (!isApiPath(req.path) || spec?.raw) return next.handle();
    const res = ctx.switchToHttp().getResponse<ApiResponse>();
    if (spec?.status) res.status(spec.status);
    return next.handle().pipe(map((result: unknown) => envelope(req, res, result)));
  }
}

function envelope(req: ApiRequest, res: ApiResponse, result: unknown): SuccessBody | string {
  if (result instanceof Paginated && result.items instanceof JsonText) {
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    return serializedEnvelope(req, result.items, result.pagination);
  }
  if (result instanceof JsonText) {
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    return serializedEnvelope(req, result);
  }
  if (result instanceof Paginated) {
    return { success: true, data: result.items, meta: { ...responseMeta(req), pagination: result.pagination } };
  }
  return { success: true, data: result ?? null, meta: responseMeta(req) };
}
