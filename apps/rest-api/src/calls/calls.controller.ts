import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { type Paginated, paginatedJson } from '../http/paginated';
import { publicBaseUrl } from '../recordings/public-base-url';
import { type CallListQuery, callListQuerySchema, type CallParams, callParamsSchema } from './call-query.schema';
import { CallReportsService } from './call-reports.service';
import {
  type CallDetailView,
  callDetailViewSchema,
  type CallReportView,
  callReportViewSchema,
  type CallTranscriptView,
  callTranscriptViewSchema,
  type CallView,
  callViewSchema,
} from './call-view.schema';
import { CallsService } from './calls.service';

/** `/api/v1/calls` (reference 002): the calls read model, its transcripts and reports. */
@Controller('api/v1/calls')
@UseGuards(ApiKeyGuard)
export class CallsController {
  constructor(
    @Inject(CallsService) private readonly calls: CallsService,
    @Inject(CallReportsService) private readonly reports: CallReportsService,
  ) {}

  /** `GET` itself is answered by the hot-route lane (`CallPages`), which must answer as this does. */
  @Get()
  @Endpoint({ summary: 'List calls', query: callListQuerySchema, response: callViewSchema, list: true })
  async list(@CurrentPrincipal() p: Principal, @ValidQuery() query: CallListQuery): Promise<Paginated<CallView>> {
    const { items, count, total } = await this.calls.list(p.orgId, query);
    return paginatedJson(items, count, total, query);
  }

  @Get(':id')
  @Endpoint({
    summary: 'Get a call with its transcript, report, costs and recording',
    params: callParamsSchema,
    response: callDetailViewSchema,
  })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: CallParams, @Req() req: ApiRequest): Promise<CallDetailView> {
    return this.calls.get(p.orgId, params.id, publicBaseUrl(req));
  }

  @Get(':id/transcript')
  @Endpoint({ summary: 'Get the transcript of a call', params: callParamsSchema, response: callTranscriptViewSchema })
  transcript(@CurrentPrincipal() p: Principal, @ValidParams() params: CallParams): Promise<CallTranscriptView> {
    return this.calls.transcript(p.orgId, params.id);
  }

  @Get(':id/transcript/text')
  @Endpoint({
    summary: 'Get the transcript of a call as [mm:ss] Speaker: text lines',
    params: callParamsSchema,
    raw: { contentType: 'text/plain' },
  })
  async transcriptText(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: CallParams,
    @Res() res: ApiResponse,
  ): Promise<void> {
    const text = await this.calls.transcriptText(p.orgId, params.id);
    // Typed only once the text exists: a 404 is still the JSON error envelope.
    res.type('text/plain; charset=utf-8').send(text);
  }

  @Get(':id/report')
  @Endpoint({
    summary: 'Get the report of a call (written on the fly if missing)',
    params: callParamsSchema,
    response: callReportViewSchema,
  })
  report(@CurrentPrincipal() p: Principal, @ValidParams() params: CallParams): Promise<CallReportView> {
    return this.reports.report(p.orgId, params.id);
  }
}
