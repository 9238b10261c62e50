import { Controller, Get, Headers, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { type CallParams, callParamsSchema } from '../calls/call-query.schema';
import { Endpoint, ValidParams } from '../http/endpoint.decorator';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { publicBaseUrl } from './public-base-url';
import { sendRecordingAudio } from './recording-audio';
import { RECORDING_CONTENT_TYPE } from './recording-view.mapper';
import { type CallRecordingView, callRecordingViewSchema } from './recording-view.schema';
import { RecordingsService } from './recordings.service';

/** Reference 002's recording of a call: its metadata with a proxy URL, and the audio itself. */
@Controller('api/v1/calls')
@UseGuards(ApiKeyGuard)
export class CallRecordingController {
  constructor(@Inject(RecordingsService) private readonly recordings: RecordingsService) {}

  @Get(':id/recording')
  @Endpoint({
    summary: 'Get the recording of a completed call and the URL that streams it',
    tag: 'calls',
    params: callParamsSchema,
    response: callRecordingViewSchema,
  })
  get(@CurrentPrincipal() p: Principal, @ValidParams() params: CallParams, @Req() req: ApiRequest): Promise<CallRecordingView> {
    return this.recordings.ofCall(p.orgId, params.id, publicBaseUrl(req));
  }

  @Get(':id/recording/stream')
  @Endpoint({
    summary: 'Stream the recording of a call (HTTP Range supported)',
    tag: 'calls',
    params: callParamsSchema,
    raw: { contentType: RECORDING_CONTENT_TYPE },
  })
  async stream(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: CallParams,
    @Headers('range') range: string | undefined,
    @Res() res: ApiResponse,
  ): Promise<void> {
    await sendRecordingAudio(res, await this.recordings.audioOfCall(p.orgId, params.id, range));
  }
}
