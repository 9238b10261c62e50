import { type DynamicModule, Module } from '@nestjs/common';
import type { LlmWorkerConfig } from '../config';
import { OpenAiReportGenerator } from './openai-report-generator';
import { REPORT_GENERATORS, type ReportGenerator } from './report-generator';
import { ReportHandler } from './report.handler';

/** `llm.v1.rpc.report`. Needs `BusModule` in the app. Tests pass their own generators. */
@Module({})
export class ReportModule {
  static forRoot(config: LlmWorkerConfig, generators?: readonly ReportGenerator[]): DynamicModule {
    return {
      module: ReportModule,
      providers: [{ provide: REPORT_GENERATORS, useValue: generators ?? configuredGenerators(config) }, ReportHandler],
    };
  }
}

/** `openai` when it is configured, as for replies; the local agent writes no LLM reports. */
function configuredGenerators(config: LlmWorkerConfig): ReportGenerator[] {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return [];
  return [
    new OpenAiReportGenerator({
      apiKey: config.OPENAI_API_KEY ?? 'unused',
      baseUrl: config.OPENAI_BASE_URL,
      defaultModel: config.OPENAI_MODEL,
      // Longer than a reply may wait, shorter than the dialer waits for the report (20 s).
      timeoutMs: Math.min(Math.max(config.OPENAI_TIMEOUT_MS, 15_000), 18_000),
    }),
  ];
}
