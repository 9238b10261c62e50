import { Inject, Injectable } from '@nestjs/common';
import { callEndReasonSchema } from '@parley/contracts';
import { ApiError } from '../http/api-error';
import { storedReport, toReportView } from './call-view.mapper';
import type { CallReportView } from './call-view.schema';
import { CallsRepository } from './calls.repository';
import { extractiveReport } from './extractive-report.generator';

/**
 * `GET /calls/:id/report` (reference 002: "generated on-the-fly if not exists"): the stored report
 * (the dialer's, for task calls), else an extractive one written now from the transcript and
 * stored, so the next read returns the same report.
 */
@Injectable()
export class CallReportsService {
  constructor(@Inject(CallsRepository) private readonly repository: CallsRepository) {}

  async report(orgId: string, id: string, now = new Date()): Promise<CallReportView> {
    const call = await this.repository.findWithTranscript(orgId, id);
    if (!call) throw ApiError.notFound('Call');
    const stored = storedReport(call.report);
    if (stored) return toReportView(call.id, stored);
    const endReason = callEndReasonSchema.safeParse(call.endReason);
    if (!endReason.success) {
      throw ApiError.conflict('The call has not ended yet; its report is written when it ends', { status: call.status });
    }
    const report = extractiveReport(
      { lines: call.transcript, endReason: endReason.data, durationMs: call.durationMs, turns: call.turns },
      now,
    );
    return toReportView(call.id, await this.repository.saveReportIfMissing(call.id, report));
  }
}
