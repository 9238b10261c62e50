import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@parley/logging';
import type { ApiRequest, ApiResponse } from './http-types';

/** An id a client may choose: short, printable, nothing a log line could be forged with. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A request's id and its child logger, made on first use: most requests never log a line. */
export class RequestContext {
  private child: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly root: Logger,
  ) {}

  get log(): Logger {
    this.child ??= this.root.child({ request_id: this.requestId });
    return this.child;
  }
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * The logger for the request being served (a child carrying `request_id`), or `fallback`
 * outside one. Services deep in a request's call chain log through this, so every line of a
 * request can be found by its id.
 */
export function requestLogger(fallback: Logger): Logger {
  return storage.getStore()?.log ?? fallback;
}

/**
 * Gives the request its id (the client's `X-Request-Id` when sane, else a fresh uuid), echoes
 * it, and attaches its context (the child logger, made when first used). Idempotent, so the error
 * filter can call it for a request that failed in the body parser, before this middleware ran.
 */
export function assignRequestId(req: ApiRequest, res: ApiResponse, logger: Logger): RequestContext {
  if (req.context) return req.context;
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.requestId = requestId;
  req.context = new RequestContext(requestId, logger);
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, requestId);
  return req.context;
}

export function requestIdMiddleware(logger: Logger) {
  return (req: ApiRequest, res: ApiResponse, next: () => void): void => {
    storage.run(assignRequestId(req, res, logger), next);
  };
}
