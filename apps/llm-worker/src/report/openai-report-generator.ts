import type { LlmReportReply, LlmReportRequest } from '@parley/contracts';
import OpenAI from 'openai';
import { LlmError } from '../providers/llm-provider';
import { toOpenAiErrorKind } from '../providers/openai/openai-errors';
import { parseReportAnswer } from './report-answer';
import type { ReportGenerator } from './report-generator';
import { reportMessages } from './report-prompt';

export interface OpenAiReportOptions {
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly defaultModel: string;
  readonly timeoutMs: number;
}

/**
 * Reports through OpenAI or any compatible server: one non-streaming chat completion in JSON mode
 * (`response_format: json_object`) at temperature 0, with the agent's model. No retries here: the
 * dialer falls back to its extractive report on any failure.
 */
export class OpenAiReportGenerator implements ReportGenerator {
  readonly name = 'openai';
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiReportOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0, timeout: options.timeoutMs });
  }

  async generate(request: LlmReportRequest): Promise<LlmReportReply> {
    const model = request.llm.model || this.options.defaultModel;
    const completion = await this.complete(model, request);
    const report = parseReportAnswer(completion.choices[0]?.message?.content, request, `${this.name}:${model}`);
    if (!report) throw new LlmError('unavailable', 'the model did not answer with a report object');
    return report;
  }

  private async complete(model: string, request: LlmReportRequest) {
    try {
      return await this.client.chat.completions.create({
        model,
        messages: reportMessages(request),
        response_format: { type: 'json_object' },
        temperature: 0,
        max_tokens: 800,
      });
    } catch (err) {
      throw new LlmError(toOpenAiErrorKind(err), 'the report completion failed', { cause: err });
    }
  }
}
