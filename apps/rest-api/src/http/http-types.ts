import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal';
import type { RequestContext } from './request-context';

/**
 * The parts of Express's request and response rest-api reads. Express 5 ships no types and
 * @types/express is not installed, so these describe only what is used.
 */
export type ApiRequest = IncomingMessage & {
  readonly method: string;
  readonly path: string;
  readonly originalUrl: string;
  readonly body?: unknown;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, string>;
  /** Set by the request-id middleware (or the error filter when the body parser failed first). */
  requestId?: string;
  /** The request's id and its logger (a child of the app's carrying `request_id`, made on first use). */
  context?: RequestContext;
  /** Set by `ApiKeyGuard` or `SessionGuard`. */
  principal?: Principal;
};

export type ApiResponse = ServerResponse & {
  status(code: number): ApiResponse;
  json(body: unknown): void;
  type(contentType: string): ApiResponse;
  send(body: unknown): void;
};

export type NextFunction = (err?: unknown) => void;
