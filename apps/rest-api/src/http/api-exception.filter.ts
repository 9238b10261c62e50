import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { InternalErrorFilter, LOGGER } from '@parley/service';
import { ApiError, type ApiErrorCode } from './api-error';
import { isApiPath } from './api-path';
import { type ErrorBody, responseMeta, sendJson } from './envelope';
import type { ApiRequest, ApiResponse } from './http-types';
import { assignRequestId } from './request-context';

/** What a framework-level HTTP failure means to an API client. */
const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/**
 * Renders every failure under `/api` as the error envelope: an `ApiError` as thrown; framework
 * errors (unknown route, malformed JSON, body too large) by their status; anything else as a
 * 500 INTERNAL_ERROR that carries only an error id, logged with the stack. Other paths keep
 * the service kit's handling.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly fallback: InternalErrorFilter;

  constructor(@Inject(LOGGER) private readonly logger: Logger) {
    this.fallback = new InternalErrorFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<ApiRequest>();
    if (!isApiPath(req.path)) return this.fallback.catch(exception, host);
    this.render(exception, req, host.switchToHttp().getResponse<ApiResponse>());
  }

  /** The error envelope for a failed `/api` request (also the front lane's, which has no host). */
  render(exception: unknown, req: ApiRequest, res: ApiResponse): void {
    const { log } = assignRequestId(req, res, this.logger);
    const error = this.toApiError(exception, req, log);
    if (res.headersSent) {
      res.destroy(); // a response under way cannot change its status; cutting it tells the client
      return;
    }
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    const body: ErrorBody = {
      success: false,
      error: error.message,
      code: error.code,
      // Reference 004's 429 body carries the window's figures at the top level; they stay in
      // `details` too, where every other error keeps its context.
      ...(error.code === 'RATE_LIMITED' ? error.details : {}),
      details: error.details,
      meta: responseMeta(req),
    };
    sendJson(res, JSON.stringify(body), error.status);
  }

  private toApiError(exception: unknown, req: ApiRequest, log: Logger): ApiError {
    if (exception instanceof ApiError) return exception;
    const status = clientErrorStatus(exception);
    if (status === 404) return new ApiError(404, 'NOT_FOUND', `No route for ${req.method} ${req.path}`);
    // The body parser failed before any handler ran, so nothing has parsed a body.
    if (status === 400 && req.body === undefined) return ApiError.invalid('Malformed JSON body');
    if (status !== undefined) return new ApiError(status, CODE_BY_STATUS[status] ?? 'INVALID_REQUEST', messageOf(exception));
    const errorId = randomUUID();
    log.error({ err: exception, error_id: errorId, method: req.method }, 'request failed with an unexpected error');
    return new ApiError(500, 'INTERNAL_ERROR', 'Internal server error', { error_id: errorId });
  }
}

/** The 4xx status of a Nest HttpException or an http-errors error (the body parser's), if any. */
function clientErrorStatus(exception: unknown): number | undefined {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : ((exception as { status?: unknown; expose?: unknown } | null)?.expose === true &&
          (exception as { status?: unknown }).status) ||
        undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function messageOf(exception: unknown): string {
  return exception instanceof Error ? exception.message : 'Invalid request';
}
