import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { HotRoutes } from './hot-routes';
import type { ApiRequest, ApiResponse } from './http-types';

/** A middleware as Express calls it. */
export type LaneStep = (req: ApiRequest, res: ApiResponse, next: (err?: unknown) => void) => void;
type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface FrontLaneOptions {
  readonly hotRoutes: HotRoutes;
  /** What every request passes before its handler, in Express's order (the service kit's and the request id). */
  readonly steps: readonly LaneStep[];
  /** Express's own query parser (`app.get('query parser fn')`), so `req.query` is what Express would give. */
  readonly parseQuery: (query: string) => Record<string, unknown>;
  /** Renders a failure as the API's error envelope (`ApiExceptionFilter.render`). */
  readonly fail: (err: unknown, req: ApiRequest, res: ApiResponse) => void;
}

/**
 * Puts the hot routes in front of Express on the HTTP server: a GET of a hot path is answered
 * here, after the same middlewares (in-flight count, trace context, request metric, request id),
 * without Express's app, router, request/response prototypes and Nest's middleware wrappers;
 * anything else goes on to Express untouched. The request carries what Express would have set
 * for the matched route (`path`, `query`, `route`, `baseUrl`), so metrics label it by route.
 */
export function installFrontLane(server: Server, options: FrontLaneOptions): void {
  const behind = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const handler = options.hotRoutes.handlerFor(req.method, path);
    if (!handler) {
      for (const listener of behind) listener.call(server, req, res);
      return;
    }
    const query = q < 0 ? {} : options.parseQuery(url.slice(q + 1));
    Object.assign(req, { path, query, originalUrl: url, baseUrl: '', route: { path } });
    runSteps(options, req as ApiRequest, res as ApiResponse, () => handler(req as ApiRequest, res as ApiResponse));
  });
}

function runSteps(options: FrontLaneOptions, req: ApiRequest, res: ApiResponse, last: () => Promise<void>): void {
  const fail = (err: unknown) => failSafely(options, err, req, res);
  let index = 0;
  const next = (err?: unknown): void => {
    if (err !== undefined) return fail(err);
    const step = options.steps[index++];
    try {
      if (step) step(req, res, next);
      else last().catch(fail);
    } catch (thrown) {
      fail(thrown);
    }
  };
  next();
}

/** A failure to render the failure leaves the client a cut connection rather than a hung one. */
function failSafely(options: FrontLaneOptions, err: unknown, req: ApiRequest, res: ApiResponse): void {
  try {
    options.fail(err, req, res);
  } catch {
    res.destroy();
  }
}
