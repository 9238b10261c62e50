import { callOutcomeSchema } from '@parley/contracts';
import { z } from 'zod';
import { recordingViewSchema } from '../recordings/recording-view.schema';
import { CALL_STATUSES } from './call-status';

const timestamp = z.iso.datetime();

/** A call in lists: reference 002's statuses, reference 004's session figures mapped onto calls. */
export const callViewSchema = z.object({
  id: z.uuid(),
  agent_id: z.uuid().nullable(),
  task_id: z.uuid().nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  channel: z.string().nullable().describe('Telephony adapter that carried the call'),
  status: z.enum(CALL_STATUSES),
  end_reason: z.string().nullable(),
  from_number: z.string().nullable(),
  to_number: z.string().nullable(),
  started_at: timestamp.nullable(),
  ended_at: timestamp.nullable(),
  duration: z.number().int().nullable().describe('Seconds, once the call has ended'),
  duration_ms: z.number().int().nullable(),
  turns: z.number().int(),
  message_count: z.number().int().describe('Lines of transcript'),
  created_at: timestamp,
  updated_at: timestamp,
});

/** Reference 004's transcript entry. */
export const transcriptEntryViewSchema = z.object({
  speaker: z.enum(['user', 'agent', 'system']),
  content: z.string(),
  timestamp_ms: z.number().int().describe('Milliseconds from the start of the call'),
  interrupted: z.boolean().describe('The agent was cut off: content is what the caller heard'),
  created_at: timestamp,
});

export const callTranscriptViewSchema = z.object({
  call_id: z.uuid(),
  transcripts: z.array(transcriptEntryViewSchema),
});

export const callReportViewSchema = z.object({
  call_id: z.uuid(),
  summary: z.string(),
  outcome: callOutcomeSchema,
  extracted: z.record(z.string(), z.string().nullable()).describe('Fields the task asked the report to extract'),
  key_points: z.array(z.string()),
  generated_by: z.string().describe('extractive, or the LLM provider that wrote the report'),
  generated_at: timestamp,
});

/** Reference 004's session costs, from billing's settlement of the call. */
export const callCostsViewSchema = z.object({
  total: z.number(),
  llm: z.number(),
  stt: z.number(),
  tts: z.number(),
  currency: z.string(),
  points: z.number().int(),
  unpaid_points: z.number().int(),
  usage: z.object({
    seconds: z.number().int(),
    stt_audio_seconds: z.number(),
    llm_input_tokens: z.number().int(),
    llm_output_tokens: z.number().int(),
    tts_characters: z.number().int(),
  }),
  settled_at: timestamp,
});

export const callDetailViewSchema = callViewSchema.extend({
  transcript: z.array(transcriptEntryViewSchema),
  report: callReportViewSchema.nullable(),
  costs: callCostsViewSchema.nullable(),
  recording: recordingViewSchema.nullable(),
  latency: z.record(z.string(), z.unknown()).nullable().describe('Per-stage latency figures of the call'),
});

export type CallView = z.infer<typeof callViewSchema>;
export type CallDetailView = z.infer<typeof callDetailViewSchema>;
export type CallTranscriptView = z.infer<typeof callTranscriptViewSchema>;
export type CallReportView = z.infer<typeof callReportViewSchema>;
export type CallCostsView = z.infer<typeof callCostsViewSchema>;
