import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@parley/logging';
import type { ApiRequest, ApiResponse } from './http-types';

/** An id a client may choose: short, printable, nothing a log line could be forged with. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

interface RequestContext {
  readonly requestId: string;
  readonly log: Logger;
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
 * it, and attaches the child logger. Idempotent, so the error filter can call it for a request
 * that failed in the body parser, before this middleware ran.
 */
export function assignRequestId(req: ApiRequest, res: ApiResponse, logger: Logger): RequestContext {
  if (req.requestId && req.log) return { requestId: req.requestId, log: req.log };
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.requestId = requestId;
  req.log = logger.child({ request_id: requestId });
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, requestId);
  return { requestId, log: req.log };
}

export function requestIdMiddleware(logger: Logger) {
  return (req: ApiRequest, res: ApiResponse, next: () => void): void => {
    storage.run(assignRequestId(req, res, logger), next);
  };
}
