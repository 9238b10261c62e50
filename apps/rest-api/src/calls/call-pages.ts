import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiKeyAuth } from '../auth/api-key-auth';
import { type HotHandler, HotRoutes, hotListRoute } from '../http/hot-routes';
import { callListQuerySchema } from './call-query.schema';
import { CallsService } from './calls.service';

/**
 * `GET /api/v1/calls` as a hot route (`HotRoutes`): what `CallsController.list` answers, with its
 * guard, query schema and envelope, without Nest's per-route pipeline.
 */
@Injectable()
export class CallPages implements OnModuleInit {
  private readonly serve: HotHandler;

  constructor(
    @Inject(CallsService) calls: CallsService,
    @Inject(HotRoutes) private readonly hotRoutes: HotRoutes,
    @Inject(ApiKeyAuth) auth: ApiKeyAuth,
  ) {
    this.serve = hotListRoute(auth, callListQuerySchema, (orgId, query) => calls.list(orgId, query));
  }

  onModuleInit(): void {
    this.hotRoutes.register('/api/v1/calls', (req, res) => this.serve(req, res));
  }
}
