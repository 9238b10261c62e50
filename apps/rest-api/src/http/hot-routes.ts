import { Injectable } from '@nestjs/common';
import type { ApiRequest, ApiResponse, NextFunction } from './http-types';

/** Answers one hot route completely: writes the response, or throws an error the filter renders. */
export type HotHandler = (req: ApiRequest, res: ApiResponse) => Promise<void>;

/**
 * The most-read routes (`GET /api/v1/agents`, `GET /api/v1/calls`) answered from the kernel's
 * middleware, before Express's router and Nest's per-route pipeline (execution context, guard,
 * interceptor, pipes, reply): that pipeline was most of a list request's CPU. A hot handler does
 * the same steps with the same pieces (`ApiKeyAuth`, the route's zod schema, the envelope), and
 * its errors reach the same `ApiExceptionFilter`. The controller method stays the documented route
 * (OpenAPI) and answers whatever the hot handler does not take (HEAD, other methods).
 */
@Injectable()
export class HotRoutes {
  private readonly routes = new Map<string, HotHandler>();

  /** `path` exactly as requested, without the query string: `/api/v1/agents`. */
  register(path: string, handler: HotHandler): void {
    this.routes.set(path, handler);
  }

  middleware() {
    return async (req: ApiRequest, res: ApiResponse, next: NextFunction): Promise<void> => {
      const handler = req.method === 'GET' ? this.routes.get(req.path) : undefined;
      if (!handler) return next();
      // What Express sets for a matched route: metrics and spans label the request by it.
      Object.assign(req, { route: { path: req.path }, baseUrl: '' });
      await handler(req, res);
    };
  }
}
