import { Controller, Delete, Get, Inject, Post, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { SessionGuard } from '../auth/session.guard';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '../http/endpoint.decorator';
import {
  createdKeyViewSchema,
  type KeyCreate,
  keyCreateSchema,
  keyIdParamsSchema,
  type KeyListQuery,
  keyListQuerySchema,
  keyViewSchema,
} from './key.schemas';
import { KeysService } from './keys.service';

/** Dashboard API keys (reference 000): session auth only, never an API key. */
@Controller('api/keys')
@UseGuards(SessionGuard)
export class KeysController {
  constructor(@Inject(KeysService) private readonly keys: KeysService) {}

  @Get()
  @Endpoint({ summary: 'List API keys', query: keyListQuerySchema, response: keyViewSchema, list: true })
  list(@CurrentPrincipal() principal: Principal, @ValidQuery() query: KeyListQuery) {
    return this.keys.list(principal.orgId, query);
  }

  @Post()
  @Endpoint({
    summary: 'Generate a new key (the raw key is returned once)',
    body: keyCreateSchema,
    response: createdKeyViewSchema,
    status: 201,
  })
  create(@CurrentPrincipal() principal: Principal, @ValidBody() body: KeyCreate) {
    return this.keys.create(principal.orgId, body);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Revoke a key', params: keyIdParamsSchema, response: keyViewSchema })
  revoke(@CurrentPrincipal() principal: Principal, @ValidParams() { id }: { id: string }) {
    return this.keys.revoke(principal.orgId, id);
  }

  @Post(':id/regenerate')
  @Endpoint({
    summary: 'Replace a key with a new secret (same name and agent; the old key stops working)',
    params: keyIdParamsSchema,
    response: createdKeyViewSchema,
    status: 201,
  })
  regenerate(@CurrentPrincipal() principal: Principal, @ValidParams() { id }: { id: string }) {
    return this.keys.regenerate(principal.orgId, id);
  }
}
