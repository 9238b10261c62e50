import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';

/**
 * For features that reference a knowledge base (an agent's `knowledge_base_id`): the base must be
 * the caller's organization's. Another organization's base, or an unknown id, is 404 NOT_FOUND,
 * as if it did not exist.
 */
@Injectable()
export class KnowledgeBaseAccess {
  constructor(@Inject(KnowledgeBasesRepository) private readonly bases: KnowledgeBasesRepository) {}

  /** Resolves when `id` is absent (unset or null) or one of `orgId`'s bases. */
  async assertOwned(orgId: string, id: string | null | undefined): Promise<void> {
    if (id === null || id === undefined) return;
    if (await this.bases.find(orgId, id)) return;
    throw new ApiError(404, 'NOT_FOUND', 'Knowledge base not found', { field: 'knowledge_base_id' });
  }
}
