import { Inject, Injectable } from '@nestjs/common';
import { type Call, type CallsClient, Prisma, type Recording, type TranscriptEntry } from '@parley/db-calls';
import { CALLS_DB } from '../database/database.tokens';
import { type JsonPage, readJsonPage } from '../http/json-page';
import { SqlPool } from '../http/sql-pool';
import { callListQuery } from './call-list.sql';
import type { StoredCallReport } from './call-report';
import type { CallListQuery } from './call-query.schema';
import type { CallView } from './call-view.schema';
import { isUuid } from './uuid';

export type CallWithDetail = Call & { transcript: TranscriptEntry[]; recordings: Recording[] };

/** Reads an organization's calls. Every query names `orgId`, so another org's call is not found. */
@Injectable()
export class CallsRepository {
  constructor(
    @Inject(CALLS_DB) private readonly db: CallsClient,
    @Inject(SqlPool) private readonly sql: SqlPool,
  ) {}

  /** The hot list read: one SQL statement, the page serialized by Postgres as the API shows it. */
  list(orgId: string, query: CallListQuery): Promise<JsonPage<CallView>> {
    return readJsonPage<CallView>(this.sql, callListQuery(orgId, query));
  }

  /** The call with its transcript in order and its recordings, latest first. */
  findDetail(orgId: string, id: string): Promise<CallWithDetail | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.call.findFirst({
      where: { id, orgId },
      include: {
        transcript: { orderBy: { seq: 'asc' } },
        recordings: { orderBy: [{ stoppedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }] },
      },
    });
  }

  /** The call with its transcript in order, without recordings. */
  findWithTranscript(orgId: string, id: string): Promise<(Call & { transcript: TranscriptEntry[] }) | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.call.findFirst({ where: { id, orgId }, include: { transcript: { orderBy: { seq: 'asc' } } } });
  }

  /** Stores a report written on the fly unless one (the dialer's) arrived meanwhile; returns what is stored. */
  async saveReportIfMissing(id: string, report: StoredCallReport): Promise<StoredCallReport> {
    const json = report as unknown as Prisma.InputJsonValue;
    const { count } = await this.db.call.updateMany({ where: { id, report: { equals: Prisma.DbNull } }, data: { report: json } });
    if (count > 0) return report;
    const stored = await this.db.call.findUniqueOrThrow({ where: { id }, select: { report: true } });
    return stored.report as unknown as StoredCallReport;
  }
}
