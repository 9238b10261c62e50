import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiKeyAuth } from '../auth/api-key-auth';
import { sendJson, serializedEnvelope } from '../http/envelope';
import { HotRoutes } from '../http/hot-routes';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { paginatedJson } from '../http/paginated';
import { parseInput } from '../http/zod-validation';
import { callListQuerySchema } from './call-query.schema';
import { CallsService } from './calls.service';

/**
 * `GET /api/v1/calls` as a hot route (`HotRoutes`): what `CallsController.list` answers, with its
 * guard, query schema and envelope, without Nest's per-route pipeline.
 */
@Injectable()
export class CallPages implements OnModuleInit {
  constructor(
    @Inject(CallsService) private readonly calls: CallsService,
    @Inject(HotRoutes) private readonly hotRoutes: HotRoutes,
    @Inject(ApiKeyAuth) private readonly auth: ApiKeyAuth,
  ) {}

  onModuleInit(): void {
    this.hotRoutes.register('/api/v1/calls', (req, res) => this.serve(req, res));
  }

  private async serve(req: ApiRequest, res: ApiResponse): Promise<void> {
    const { orgId } = await this.auth.authenticate(req, res);
    const query = parseInput(callListQuerySchema, req.query, 'query');
    const { items, count, total } = await this.calls.list(orgId, query);
    sendJson(res, serializedEnvelope(req, items, paginatedJson(items, count, total, query).pagination));
  }
}
