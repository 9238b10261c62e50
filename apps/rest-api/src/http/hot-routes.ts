import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { sendEnvelope } from './envelope';
import type { ApiRequest, ApiResponse } from './http-types';
import type { JsonPage } from './json-page';
import { type PageRequest, paginatedJson } from './paginated';
import { parseInput } from './zod-validation';

/** Answers one hot route completely: writes the response, or throws an error the filter renders. */
export type HotHandler = (req: ApiRequest, res: ApiResponse) => Promise<void>;

/**
 * The most-read routes (`GET /api/v1/agents`, `GET /api/v1/calls`), answered by the front lane
 * (`installFrontLane`) before Express and Nest's per-route pipeline (router, execution context,
 * guard, interceptor, pipes, reply): that pipeline was most of a list request's CPU. A hot handler
 * does the same steps with the same pieces (`ApiKeyAuth`, the route's zod schema, the envelope),
 * and its errors get the same `ApiExceptionFilter` rendering. The controller method stays the
 * documented route (OpenAPI) and answers whatever the lane does not take (HEAD, other methods, a
 * trailing slash).
 */
@Injectable()
export class HotRoutes {
  private readonly routes = new Map<string, HotHandler>();

  /** `path` exactly as requested, without the query string: `/api/v1/agents`. */
  register(path: string, handler: HotHandler): void {
    this.routes.set(path, handler);
  }

  /** The handler of a GET of exactly `path`, if it is a hot route. */
  handlerFor(method: string | undefined, path: string): HotHandler | undefined {
    return method === 'GET' ? this.routes.get(path) : undefined;
  }
}

/** The API-key check a hot route makes, as `ApiKeyGuard` does (`ApiKeyAuth`). */
export interface HotRouteAuth {
  authenticate(req: ApiRequest, res: ApiResponse): Promise<{ readonly orgId: string }>;
}

/**
 * A hot list route: the caller's key, the route's query schema, one page read for the caller's
 * organization and the paginated envelope — what the route's controller method answers.
 */
export function hotListRoute<S extends z.ZodType<PageRequest>>(
  auth: HotRouteAuth,
  querySchema: S,
  page: (orgId: string, query: z.output<S>) => Promise<JsonPage<unknown>>,
): HotHandler {
  return async (req, res) => {
    const { orgId } = await auth.authenticate(req, res);
    const query = parseInput(querySchema, req.query, 'query');
    const { items, count, total } = await page(orgId, query);
    sendEnvelope(res, req, items, paginatedJson(items, count, total, query).pagination);
  };
}
