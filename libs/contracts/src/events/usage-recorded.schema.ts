import { z } from 'zod';
import { callIdSchema, entityIdSchema, isoDateTimeSchema, sequenceSchema } from '../shared/ids.schema';

/** The engines a call runs on; billing prices each by its provider class (rate card). */
export const callProvidersSchema = z.object({
  stt: z.string().min(1),
  llm: z.string().min(1),
  llmModel: z.string().min(1),
  tts: z.string().min(1),
});

/**
 * `metering.v1.evt.usage.recorded`: what a live call used since its previous usage event.
 * The gateway publishes `seq` 0 when the call starts (its first started second: the
 * reservation), then one per metering interval and a last one when the call ends. Billing
 * debits each exactly once, keyed by `callId` and `seq` (also the `Nats-Msg-Id`).
 */
export const usageRecordedEventSchema = z.object({
  callId: callIdSchema,
  orgId: entityIdSchema,
  agentId: entityIdSchema,
  seq: sequenceSchema,
  startedAt: isoDateTimeSchema,
  providers: callProvidersSchema,
  /** Call seconds begun in this interval: a started second is charged in full. */
  seconds: z.int().nonnegative(),
  /** Caller audio streamed to speech recognition, in milliseconds. */
  sttAudioMs: z.int().nonnegative(),
  llmInputTokens: z.int().nonnegative(),
  llmOutputTokens: z.int().nonnegative(),
  ttsCharacters: z.int().nonnegative(),
  at: isoDateTimeSchema,
});

export type CallProviders = z.infer<typeof callProvidersSchema>;
export type UsageRecordedEvent = z.infer<typeof usageRecordedEventSchema>;
