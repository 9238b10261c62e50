import { Controller, Delete, Get, Inject, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody, ValidParams } from '../http/endpoint.decorator';
import {
  type SipConfigCreateBody,
  sipConfigCreateBodySchema,
  type SipConfigPatchBody,
  sipConfigPatchBodySchema,
  type SipDialBody,
  sipDialBodySchema,
  sipParamsSchema,
  type SipTrunkCreateBody,
  sipTrunkCreateBodySchema,
  type SipTrunkPatchBody,
  sipTrunkPatchBodySchema,
} from './sip-body.schema';
import {
  sipConfigListViewSchema,
  sipConfigViewSchema,
  sipDeleteViewSchema,
  sipDialViewSchema,
  sipTrunkListViewSchema,
  sipTrunkViewSchema,
} from './sip-view.schema';
import { SipService } from './sip.service';

type Params = { id: string };

/** `/api/v1/sip` (reference 004 §10): trunks, configs (number → agent) and the outbound dial. */
@Controller('api/v1/sip')
@UseGuards(ApiKeyGuard)
export class SipController {
  constructor(@Inject(SipService) private readonly sip: SipService) {}

  @Post('dial')
  @Endpoint({ summary: 'Place an outbound call through the first SIP trunk', body: sipDialBodySchema, response: sipDialViewSchema, status: 201 })
  dial(@CurrentPrincipal() p: Principal, @ValidBody() body: SipDialBody) {
    return this.sip.dial(p, body);
  }

  @Get('trunks')
  @Endpoint({ summary: 'List SIP trunks', response: sipTrunkListViewSchema })
  listTrunks(@CurrentPrincipal() p: Principal) {
    return this.sip.listTrunks(p.orgId);
  }

  @Post('trunks')
  @Endpoint({ summary: 'Create a SIP trunk', body: sipTrunkCreateBodySchema, response: sipTrunkViewSchema, status: 201 })
  createTrunk(@CurrentPrincipal() p: Principal, @ValidBody() body: SipTrunkCreateBody) {
    return this.sip.createTrunk(p.orgId, body);
  }

  @Patch('trunks/:id')
  @Endpoint({ summary: 'Update a SIP trunk', params: sipParamsSchema, body: sipTrunkPatchBodySchema, response: sipTrunkViewSchema })
  updateTrunk(@CurrentPrincipal() p: Principal, @ValidParams() params: Params, @ValidBody() body: SipTrunkPatchBody) {
    return this.sip.updateTrunk(p.orgId, params.id, body);
  }

  @Delete('trunks/:id')
  @Endpoint({ summary: 'Delete a SIP trunk', params: sipParamsSchema, response: sipDeleteViewSchema })
  deleteTrunk(@CurrentPrincipal() p: Principal, @ValidParams() params: Params) {
    return this.sip.deleteTrunk(p.orgId, params.id);
  }

  @Get('configs')
  @Endpoint({ summary: 'List SIP configurations', response: sipConfigListViewSchema })
  listConfigs(@CurrentPrincipal() p: Principal) {
    return this.sip.listConfigs(p.orgId);
  }

  @Post('configs')
  @Endpoint({ summary: 'Map a phone number to an agent', body: sipConfigCreateBodySchema, response: sipConfigViewSchema, status: 201 })
  createConfig(@CurrentPrincipal() p: Principal, @ValidBody() body: SipConfigCreateBody) {
    return this.sip.createConfig(p, body);
  }

  @Patch('configs/:id')
  @Endpoint({ summary: 'Update a SIP configuration', params: sipParamsSchema, body: sipConfigPatchBodySchema, response: sipConfigViewSchema })
  updateConfig(@CurrentPrincipal() p: Principal, @ValidParams() params: Params, @ValidBody() body: SipConfigPatchBody) {
    return this.sip.updateConfig(p.orgId, params.id, body);
  }

  @Delete('configs/:id')
  @Endpoint({ summary: 'Delete a SIP configuration', params: sipParamsSchema, response: sipDeleteViewSchema })
  deleteConfig(@CurrentPrincipal() p: Principal, @ValidParams() params: Params) {
    return this.sip.deleteConfig(p.orgId, params.id);
  }
}
