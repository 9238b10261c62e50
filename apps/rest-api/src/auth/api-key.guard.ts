import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { ApiKeyAuth } from './api-key-auth';

/** API-key auth for `/api/v1` routes (`ApiKeyAuth`): sets `req.principal`, or throws 401 / 429. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(ApiKeyAuth) private readonly auth: ApiKeyAuth) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    await this.auth.authenticate(http.getRequest<ApiRequest>(), http.getResponse<ApiResponse>());
    return true;
  }
}
