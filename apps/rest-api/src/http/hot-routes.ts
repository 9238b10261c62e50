import { Injectable } from '@nestjs/common';
import type { ApiRequest, ApiResponse } from './http-types';

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
