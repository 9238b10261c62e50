import type { HttpRequest } from './http-types';

/**
 * The matched route pattern (`/api/v1/calls/:id`), never the raw path, so metric labels and span
 * names stay few however many ids pass through. Requests no route matched share one label.
 */
export function routeOf(req: HttpRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * The status a client saw; 499 (the nginx convention) when it went away before the response
 * finished, so aborted requests are neither lost nor counted as successes.
 */
export function statusOf(res: { writableFinished: boolean; statusCode: number }): number {
  return res.writableFinished ? res.statusCode : 499;
}
