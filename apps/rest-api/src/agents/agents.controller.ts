import { Controller, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { AgentsHandlers } from './agents.handlers';

/** `/api/v1/agents` (reference 002, 004 §7) for API clients: `Authorization: Bearer` or `X-API-Key`. */
@Controller('api/v1/agents')
@UseGuards(ApiKeyGuard)
export class AgentsController extends AgentsHandlers {}
