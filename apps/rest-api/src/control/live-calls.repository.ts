import { Inject, Injectable } from '@nestjs/common';
import type { CallsClient } from '@parley/db-calls';
import { isUuid } from '../calls/uuid';
import { CALLS_DB } from '../database/database.tokens';

export interface OwnedCall {
  readonly id: string;
  readonly status: 'initiated' | 'in_progress' | 'completed' | 'failed';
}

/**
 * Whether a call belongs to an organization, and how far it got, from the calls read model
 * (the `calls` slice rest-api owns). Another organization's call is not found.
 */
@Injectable()
export class LiveCallsRepository {
  constructor(@Inject(CALLS_DB) private readonly db: CallsClient) {}

  async findOwned(orgId: string, id: string): Promise<OwnedCall | null> {
    if (!isUuid(id)) return null;
    return this.db.call.findFirst({ where: { id, orgId }, select: { id: true, status: true } });
  }
}
