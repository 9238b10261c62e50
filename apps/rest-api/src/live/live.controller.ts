import { Controller, Get, Inject, Req, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { type CallControlParams, callControlParamsSchema } from '../control/call-control.schema';
import { Endpoint, ValidParams } from '../http/endpoint.decorator';
import type { ApiRequest } from '../http/http-types';
import { liveSocketUrl } from './live-socket-url';
import { LiveService } from './live.service';
import { type LiveConnectionView, liveConnectionViewSchema } from './live-view.schema';

/** `GET /api/v1/calls/:id/live` (reference 002): the live transcript socket of a call. */
@Controller('api/v1/calls')
@UseGuards(ApiKeyGuard)
export class LiveController {
  constructor(@Inject(LiveService) private readonly live: LiveService) {}

  @Get(':id/live')
  @Endpoint({
    summary: 'WebSocket connection information for live transcript streaming',
    params: callControlParamsSchema,
    response: liveConnectionViewSchema,
  })
  connection(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: CallControlParams,
    @Req() req: ApiRequest,
  ): Promise<LiveConnectionView> {
    return this.live.connection(p.orgId, params.id, liveSocketUrl(req, params.id));
  }
}
