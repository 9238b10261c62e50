import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '../tokens';
import type { HttpRequest, HttpResponse } from './http-types';
import { routeOf } from './route-of';

/** What a client sees for a failure the code did not anticipate. */
export interface InternalErrorBody {
  readonly code: 'INTERNAL_ERROR';
  readonly message: string;
  /** Quoted in a support request; finds the logged error with its stack. */
  readonly error_id: string;
}

/**
 * The last line of defence for HTTP: an HttpException keeps its status and body; anything else
 * is logged with its stack under a fresh error id and answered with a 500 that carries only
 * that id. Other contexts keep their own handling.
 */
@Catch()
export class InternalErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const res = http.getResponse<HttpResponse>();
    if (exception instanceof HttpException) {
      return this.send(res, exception.getStatus(), httpBody(exception));
    }
    const errorId = randomUUID();
    const req = http.getRequest<HttpRequest>();
    this.logger.error(
      { err: exception, error_id: errorId, method: req.method, route: routeOf(req) },
      'request failed with an unexpected error',
    );
    const body: InternalErrorBody = { code: 'INTERNAL_ERROR', message: 'Internal server error', error_id: errorId };
    this.send(res, 500, body);
  }

  /** A response already under way cannot change its status; cutting it tells the client. */
  private send(res: HttpResponse, status: number, body: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json(body);
  }
}

function httpBody(exception: HttpException): unknown {
  const response = exception.getResponse();
  return typeof response === 'string' ? { statusCode: exception.getStatus(), message: response } : response;
}
