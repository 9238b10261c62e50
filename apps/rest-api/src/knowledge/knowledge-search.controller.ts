import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint, ValidBody } from '../http/endpoint.decorator';
import { KnowledgeBasesService } from './knowledge-bases.service';
import { KnowledgeSearchService } from './knowledge-search.service';
import { type KnowledgeSearchBody, knowledgeSearchBodySchema } from './knowledge.schemas';
import { type SearchResultsView, searchResultsViewSchema } from './knowledge-view.schema';
import { toSearchResult } from './knowledge-view.mapper';

/** `POST /api/v1/knowledge/search` (reference 004 §11): the best chunks of one of the caller's bases. */
@Controller('api/v1/knowledge')
@UseGuards(ApiKeyGuard)
export class KnowledgeSearchController {
  constructor(
    @Inject(KnowledgeBasesService) private readonly bases: KnowledgeBasesService,
    @Inject(KnowledgeSearchService) private readonly search: KnowledgeSearchService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @Endpoint({ summary: 'Search a knowledge base', body: knowledgeSearchBodySchema, response: searchResultsViewSchema })
  async find(@CurrentPrincipal() p: Principal, @ValidBody() body: KnowledgeSearchBody): Promise<SearchResultsView> {
    const base = await this.bases.owned(p.orgId, body.knowledge_base_id);
    const outcome = await this.search.search(p.orgId, [base.id], body.query, body.top_k);
    return { mode: outcome.mode, results: outcome.results.map(toSearchResult) };
  }
}
