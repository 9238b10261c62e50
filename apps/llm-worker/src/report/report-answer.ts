import { callOutcomeSchema, type LlmReportReply, type LlmReportRequest } from '@parley/contracts';
import { z } from 'zod';

const answerSchema = z.object({
  summary: z.string().trim().min(1),
  outcome: callOutcomeSchema,
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/**
 * The model's JSON answer as a report, or null when it is not one. Only the requested fields are
 * kept (each present, null when the model left it out); numbers and booleans become strings.
 */
export function parseReportAnswer(content: string | null | undefined, request: LlmReportRequest, generatedBy: string): LlmReportReply | null {
  let json: unknown;
  try {
    json = JSON.parse(content ?? '');
  } catch {
    return null;
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success) return null;
  const given = answer.data.fields ?? {};
  const fields = Object.fromEntries(request.fields.map((name) => [name, asText(given[name])]));
  return { summary: answer.data.summary.slice(0, 4_000), outcome: answer.data.outcome, fields, generatedBy };
}

function asText(value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}
