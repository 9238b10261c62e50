import { Controller, Get, Module, Param, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ApiKeyGuard } from '../../src/auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../../src/auth/principal';
import { SessionGuard } from '../../src/auth/session.guard';
import { ApiError } from '../../src/http/api-error';
import { Endpoint, ValidBody, ValidQuery } from '../../src/http/endpoint.decorator';
import { type PageRequest, paginated, paginationQuery } from '../../src/http/paginated';

const probeBody = z.object({ name: z.string().min(1), settings: z.object({ speed: z.number().max(4) }).optional() });
const probeView = z.object({ name: z.string(), orgId: z.string() });

/** Routes that exercise the REST kernel in its spec; not part of the app. */
@Controller('api/v1/probe')
@UseGuards(ApiKeyGuard)
class ProbeController {
  @Get('whoami')
  @Endpoint({ summary: 'Who is calling', response: probeView })
  whoami(@CurrentPrincipal() principal: Principal) {
    return { name: 'me', orgId: principal.orgId, keyId: principal.keyId };
  }

  @Post()
  @Endpoint({ summary: 'Create a probe', body: probeBody, response: probeView, status: 201 })
  create(@ValidBody() body: z.infer<typeof probeBody>, @CurrentPrincipal() principal: Principal) {
    return { name: body.name, orgId: principal.orgId };
  }

  @Get()
  @Endpoint({ summary: 'List probes', query: z.object(paginationQuery), response: probeView, list: true })
  list(@ValidQuery() page: PageRequest) {
    const items = Array.from({ length: 7 }, (_, i) => ({ name: `p${i}` })).slice(page.offset, page.offset + page.limit);
    return paginated(items, 7, page);
  }

  @Get('fail/:kind')
  fail(@Param('kind') kind: string) {
    if (kind === 'conflict') throw ApiError.conflict('Already there', { id: 'x' });
    throw new Error('database exploded at /secret/path');
  }
}

@Controller('api/probe-session')
@UseGuards(SessionGuard)
class SessionProbeController {
  @Get()
  @Endpoint({ summary: 'Session probe' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

@Module({ controllers: [ProbeController, SessionProbeController] })
export class ProbeModule {}
