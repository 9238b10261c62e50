import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of Express's request and response this library reads. Express 5 ships no types and
 * @types/express is not installed, so these describe only what is used.
 */
export type HttpRequest = IncomingMessage & {
  readonly method: string;
  readonly path?: string;
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
};

export type HttpResponse = ServerResponse & {
  status(code: number): HttpResponse;
  json(body: unknown): void;
};

export type NextFunction = (err?: unknown) => void;
