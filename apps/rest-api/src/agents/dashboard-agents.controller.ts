import { Controller, UseGuards } from '@nestjs/common';
import { SessionGuard } from '../auth/session.guard';
import { AgentsHandlers } from './agents.handlers';

/** `/api/agents` (reference 000) for the dashboard: a Clerk or local session, never an API key. */
@Controller('api/agents')
@UseGuards(SessionGuard)
export class DashboardAgentsController extends AgentsHandlers {}
