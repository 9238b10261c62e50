import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody, ValidParams } from '../http/endpoint.decorator';
import {
  type CallActionView,
  callActionViewSchema,
  type CallControlParams,
  callControlParamsSchema,
  type MuteBody,
  muteBodySchema,
  type MuteView,
  muteViewSchema,
  type ParticipantParams,
  participantParamsSchema,
  type RecordingControlView,
  recordingControlViewSchema,
  type SendDataBody,
  sendDataBodySchema,
  type SendDataView,
  sendDataViewSchema,
} from './call-control.schema';
import { CallControlService } from './call-control.service';

/**
 * Control of a live call: end and cancel (reference 002), and reference 004 §14's call control
 * (send-data, mute, kick) and recording start/stop, mapped onto `/api/v1/calls/:id`.
 * A call that is not the key's organization's is 404; one that is not live, 409 CONFLICT.
 */
@Controller('api/v1/calls')
@UseGuards(ApiKeyGuard)
export class CallControlController {
  constructor(@Inject(CallControlService) private readonly control: CallControlService) {}

  @Post(':id/end')
  @HttpCode(200)
  @Endpoint({ summary: 'End an active call', params: callControlParamsSchema, response: callActionViewSchema })
  async end(@CurrentPrincipal() p: Principal, @ValidParams() params: CallControlParams): Promise<CallActionView> {
    await this.control.end(p.orgId, params.id, 'CLIENT_ENDED');
    return { call_id: params.id, message: 'Call ended' };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Endpoint({
    summary: 'Cancel an active call (it counts as failed)',
    params: callControlParamsSchema,
    response: callActionViewSchema,
  })
  async cancel(@CurrentPrincipal() p: Principal, @ValidParams() params: CallControlParams): Promise<CallActionView> {
    await this.control.end(p.orgId, params.id, 'CANCELLED');
    return { call_id: params.id, message: 'Call cancelled' };
  }

  @Post(':id/send-data')
  @HttpCode(200)
  @Endpoint({
    summary: 'Whisper to the agent or broadcast to the caller',
    params: callControlParamsSchema,
    body: sendDataBodySchema,
    response: sendDataViewSchema,
  })
  sendData(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: CallControlParams,
    @ValidBody() body: SendDataBody,
  ): Promise<SendDataView> {
    return this.control.sendData(p.orgId, params.id, body);
  }

  @Post(':id/participants/:identity/mute')
  @HttpCode(200)
  @Endpoint({
    summary: "Mute or unmute the caller (audio still recorded, not processed)",
    params: participantParamsSchema,
    body: muteBodySchema,
    response: muteViewSchema,
  })
  mute(
    @CurrentPrincipal() p: Principal,
    @ValidParams() params: ParticipantParams,
    @ValidBody() body: MuteBody,
  ): Promise<MuteView> {
    return this.control.mute(p.orgId, params.id, params.identity, body.muted);
  }

  @Post(':id/kick/:identity')
  @HttpCode(200)
  @Endpoint({ summary: 'Remove a participant: the call ends', params: participantParamsSchema, response: callActionViewSchema })
  async kick(@CurrentPrincipal() p: Principal, @ValidParams() params: ParticipantParams): Promise<CallActionView> {
    await this.control.kick(p.orgId, params.id, params.identity);
    return { call_id: params.id, message: 'Participant removed; the call ended' };
  }

  @Post(':id/recordings/start')
  @HttpCode(200)
  @Endpoint({ summary: 'Start recording a live call', params: callControlParamsSchema, response: recordingControlViewSchema })
  startRecording(@CurrentPrincipal() p: Principal, @ValidParams() params: CallControlParams): Promise<RecordingControlView> {
    return this.control.recording(p.orgId, params.id, true);
  }

  @Post(':id/recordings/stop')
  @HttpCode(200)
  @Endpoint({ summary: 'Stop recording a live call', params: callControlParamsSchema, response: recordingControlViewSchema })
  stopRecording(@CurrentPrincipal() p: Principal, @ValidParams() params: CallControlParams): Promise<RecordingControlView> {
    return this.control.recording(p.orgId, params.id, false);
  }
}
