import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import type { JsonPage } from '../http/json-page';
import { PageCache } from '../http/page-cache';
import type { CallListQuery } from './call-query.schema';
import { transcriptText } from './call-transcript';
import { toCallDetailView, transcriptOf } from './call-view.mapper';
import type { CallDetailView, CallTranscriptView, CallView } from './call-view.schema';
import { CallsRepository } from './calls.repository';

/** The calls read model as the API serves it (reference 002 "Calls", 004 sessions → calls). */
@Injectable()
export class CallsService {
  constructor(
    @Inject(CallsRepository) private readonly repository: CallsRepository,
    @Inject(PageCache) private readonly pages: PageCache,
  ) {}

  /** The page as JSON text (each call written as `toCallView` would), kept until the calls change. */
  list(orgId: string, query: CallListQuery): Promise<JsonPage<CallView>> {
    return this.pages.page('calls', orgId, JSON.stringify(query), () => this.repository.list(orgId, query));
  }

  async get(orgId: string, id: string, baseUrl: string): Promise<CallDetailView> {
    const call = await this.repository.findDetail(orgId, id);
    if (!call) throw ApiError.notFound('Call');
    return toCallDetailView(call, baseUrl);
  }

  async transcript(orgId: string, id: string): Promise<CallTranscriptView> {
    const call = await this.repository.findWithTranscript(orgId, id);
    if (!call) throw ApiError.notFound('Call');
    return { call_id: call.id, transcripts: transcriptOf(call) };
  }

  async transcriptText(orgId: string, id: string): Promise<string> {
    return transcriptText((await this.transcript(orgId, id)).transcripts);
  }
}
