import { Controller, Delete, Get, Headers, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { type Paginated, paginated } from '../http/paginated';
import { publicBaseUrl } from './public-base-url';
import { sendRecordingAudio } from './recording-audio';
import {
  type RecordingListQuery,
  recordingListQuerySchema,
  type RecordingParams,
  recordingParamsSchema,
} from './recording-query.schema';
import { RECORDING_CONTENT_TYPE } from './recording-view.mapper';
import { recordingDeletedViewSchema, type RecordingView, recordingViewSchema } from './recording-view.schema';
import { RecordingsService } from './recordings.service';

/** `/api/v1/recordings` (reference 004 §9, mapped onto calls): list, detail, download, delete. */
@Controller('api/v1/recordings')
@UseGuards(ApiKeyGuard)
export class RecordingsController {
  constructor(@Inject(RecordingsService) private readonly recordings: RecordingsService) {}

  @Get()
  @Endpoint({ summary: 'List recordings', query: recordingListQuerySchema, response: recordingViewSchema, list: true })
  async list(
    @CurrentPrincipal() p: Principal,
    @ValidQuery() query: RecordingListQuery,
    @Req() req: ApiRequest,
  ): Promise<Paginated<RecordingView>> {
    const { recordings, total } = await this.recordings.list(p.orgId, query, publicBaseUrl(req));
    return paginated(recordings, total, { limit: query.per_page, offset: (query.page - 1) * query.per_page });
  }

  @Get(':id')
  @Endpoint({ summary: 'Get a recording', params: recordingParamsSchema, response: recordingViewSchema })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: RecordingParams, @Req() req: ApiRequest) {
    return this.recordings.get(p.orgId, params.id, publicBaseUrl(req));
  }

  @Get(':id/download')
  @Endpoint({
    summary: 'Download a recording (HTTP Range supported)',
    params: recordingParamsSchema,
    raw: { contentType: RECORDING_CONTENT_TYPE },
  })
  async download(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: RecordingParams,
    @Headers('range') range: string | undefined,
    @Res() res: ApiResponse,
  ): Promise<void> {
    await sendRecordingAudio(res, await this.recordings.audio(p.orgId, params.id, range));
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete a recording and its file', params: recordingParamsSchema, response: recordingDeletedViewSchema })
  remove(@CurrentPrincipal() p: Principal, @ValidParams() params: RecordingParams) {
    return this.recordings.delete(p.orgId, params.id);
  }
}
