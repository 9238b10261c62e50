import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import { type LlmReportReply, type LlmReportRequest, rpcSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { LlmError } from '../providers/llm-provider';
import { REPORT_GENERATORS, type ReportGenerator } from './report-generator';

/**
 * Serves `llm.v1.rpc.report` in the worker's queue group: the report of a finished call by the
 * agent's provider. `local` and providers this worker lacks answer INVALID_REQUEST; a model
 * failure answers LLM_TIMEOUT. Either way the dialer writes its extractive report instead.
 */
@Injectable()
export class ReportHandler implements OnModuleInit {
  private readonly byName: ReadonlyMap<string, ReportGenerator>;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(REPORT_GENERATORS) generators: readonly ReportGenerator[],
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    this.byName = new Map(generators.map((generator) => [generator.name, generator]));
  }

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.llmReport, (request) => this.report(request));
  }

  async report(request: LlmReportRequest): Promise<LlmReportReply> {
    const generator = this.byName.get(request.llm.provider);
    if (!generator) throw new BusError('INVALID_REQUEST', `llm provider "${request.llm.provider}" writes no reports here`);
    const started = Date.now();
    try {
      const report = await generator.generate(request);
      this.log.info({ callId: request.callId, provider: generator.name, ms: Date.now() - started }, 'call report written');
      return report;
    } catch (err) {
      this.log.warn({ err, callId: request.callId, provider: generator.name }, 'call report failed');
      const kind = err instanceof LlmError ? err.kind : 'unavailable';
      throw new BusError('LLM_TIMEOUT', `the report could not be written (${kind})`);
    }
  }
}
