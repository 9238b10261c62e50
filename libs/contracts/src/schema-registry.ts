import type { z } from 'zod';
import { agentChangedEventSchema } from './events/agent-changed.schema';
import { callEndedEventSchema } from './events/call-ended.schema';
import { callStartedEventSchema } from './events/call-started.schema';
import { keyRevokedEventSchema } from './events/key-revoked.schema';
import { recordingStartedEventSchema } from './events/recording-started.schema';
import { recordingStoppedEventSchema } from './events/recording-stopped.schema';
import { transcriptAppendedEventSchema } from './events/transcript-appended.schema';
import { balanceGetReplySchema, balanceGetRequestSchema } from './rpc/balance-get.schema';
import { pointsCreditReplySchema, pointsCreditRequestSchema } from './rpc/points-credit.schema';
import { ledgerListReplySchema, ledgerListRequestSchema } from './rpc/ledger-list.schema';
import { usageSummaryReplySchema, usageSummaryRequestSchema } from './rpc/usage-summary.schema';
import { usageCallsReplySchema, usageCallsRequestSchema } from './rpc/usage-calls.schema';
import { usageRecordedEventSchema } from './events/usage-recorded.schema';
import { callSettledEventSchema } from './events/call-settled.schema';
import { taskWebhookRequestedEventSchema } from './events/task-webhook-requested.schema';
import { callReportedEventSchema } from './events/call-reported.schema';
import { webhookEndpointDisabledEventSchema } from './events/webhook-endpoint-disabled.schema';
import { knowledgeDocumentUploadedEventSchema } from './events/knowledge-document-uploaded.schema';
import { knowledgeReindexedEventSchema } from './events/knowledge-reindexed.schema';
import { keyResolveReplySchema, keyResolveRequestSchema } from './rpc/key-resolve.schema';
import { agentResolveReplySchema, agentResolveRequestSchema } from './rpc/agent-resolve.schema';
import { dialAdmitReplySchema, dialAdmitRequestSchema } from './rpc/dial-admit.schema';
import {
  sipDeleteReplySchema,
  sipTrunkCreateRequestSchema,
  sipTrunkDeleteRequestSchema,
  sipTrunkListReplySchema,
  sipTrunkListRequestSchema,
  sipTrunkSchema,
  sipTrunkUpdateRequestSchema,
} from './rpc/sip-trunk.schema';
import {
  sipConfigCreateRequestSchema,
  sipConfigDeleteRequestSchema,
  sipConfigListReplySchema,
  sipConfigListRequestSchema,
  sipConfigSchema,
  sipConfigUpdateRequestSchema,
} from './rpc/sip-config.schema';
import { sipDialReplySchema, sipDialRequestSchema } from './rpc/sip-dial.schema';
import { sipInboundReplySchema, sipInboundRequestSchema } from './rpc/sip-inbound.schema';
import { llmReportReplySchema, llmReportRequestSchema } from './rpc/llm-report.schema';
import { callTransferReplySchema, callTransferRequestSchema } from './rpc/call-transfer.schema';
import { knowledgeSearchReplySchema, knowledgeSearchRequestSchema } from './rpc/knowledge-search.schema';
import { llmReplyReplySchema, llmReplyRequestSchema } from './rpc/llm-reply.schema';
import { tasksCountReplySchema, tasksCountRequestSchema } from './rpc/tasks-count.schema';
import { taskCreateReplySchema, taskCreateRequestSchema } from './rpc/task-create.schema';
import { taskListReplySchema, taskListRequestSchema } from './rpc/task-list.schema';
import { taskGetReplySchema, taskGetRequestSchema } from './rpc/task-get.schema';
import { taskUpdateReplySchema, taskUpdateRequestSchema } from './rpc/task-update.schema';
import { taskDeleteReplySchema, taskDeleteRequestSchema } from './rpc/task-delete.schema';
import { taskExecuteReplySchema, taskExecuteRequestSchema } from './rpc/task-execute.schema';
import { taskResetReplySchema, taskResetRequestSchema } from './rpc/task-reset.schema';
import { sttSessionCloseReplySchema, sttSessionCloseRequestSchema } from './rpc/stt-session-close.schema';
import { sttSessionOpenReplySchema, sttSessionOpenRequestSchema } from './rpc/stt-session-open.schema';
import { ttsSynthesizeReplySchema, ttsSynthesizeRequestSchema } from './rpc/tts-synthesize.schema';
import { webhookCreateReplySchema, webhookCreateRequestSchema } from './rpc/webhook-create.schema';
import { webhookListReplySchema, webhookListRequestSchema } from './rpc/webhook-list.schema';
import { webhookGetReplySchema, webhookGetRequestSchema } from './rpc/webhook-get.schema';
import { webhookUpdateReplySchema, webhookUpdateRequestSchema } from './rpc/webhook-update.schema';
import { webhookDeleteReplySchema, webhookDeleteRequestSchema } from './rpc/webhook-delete.schema';
import { webhookRotateSecretReplySchema, webhookRotateSecretRequestSchema } from './rpc/webhook-rotate-secret.schema';
import { webhookDeliveriesListReplySchema, webhookDeliveriesListRequestSchema } from './rpc/webhook-deliveries-list.schema';
import { webhookRedeliverReplySchema, webhookRedeliverRequestSchema } from './rpc/webhook-redeliver.schema';
import { webhookTestReplySchema, webhookTestRequestSchema } from './rpc/webhook-test.schema';
import type { EventMap, MessageMap, MessageSubject, RpcMap, Subject, SubjectMap } from './subject-map';
import { type EventSubject, eventSubjects } from './subjects/event-subjects';
import { type RpcSubject, rpcSubjects } from './subjects/rpc-subjects';
import { parseVoiceSubject, type VoiceChannel, type VoiceSubject } from './subjects/voice-subjects';
import { audioFrameSchema } from './voice/audio-frame.schema';
import { callCommandSchema } from './voice/call-command.schema';
import { callCommandReplySchema } from './voice/call-command-reply.schema';
import { controlMessageSchema } from './voice/control.schema';
import { replyTextChunkSchema } from './voice/reply-text.schema';
import { transcriptMessageSchema } from './voice/transcript.schema';

const voiceSchemas: Record<VoiceChannel, z.ZodType> = {
  'audio-in': audioFrameSchema,
  'audio-out': audioFrameSchema,
  transcript: transcriptMessageSchema,
  'reply-text': replyTextChunkSchema,
  ctl: controlMessageSchema,
  command: callCommandSchema,
};

type RpcSchemas = {
  [K in RpcSubject]: { request: z.ZodType<RpcMap[K]['request']>; reply: z.ZodType<RpcMap[K]['reply']> };
};

const AUDIO_CHANNELS: ReadonlySet<VoiceChannel> = new Set(['audio-in', 'audio-out']);

/** A call command is a request with a reply, not a published message; one contract for every call id. */
const callCommandContract: RpcSchemas[VoiceSubject<'command'>] = {
  request: callCommandSchema,
  reply: callCommandReplySchema,
};

// The annotations prove at compile time that each subject is wired to the schema of its mapped type.
const rpcSchemas: RpcSchemas = {
  [rpcSubjects.sttSessionOpen]: { request: sttSessionOpenRequestSchema, reply: sttSessionOpenReplySchema },
  [rpcSubjects.sttSessionClose]: { request: sttSessionCloseRequestSchema, reply: sttSessionCloseReplySchema },
  [rpcSubjects.llmReply]: { request: llmReplyRequestSchema, reply: llmReplyReplySchema },
  [rpcSubjects.ttsSynthesize]: { request: ttsSynthesizeRequestSchema, reply: ttsSynthesizeReplySchema },
  [rpcSubjects.identityKeyResolve]: { request: keyResolveRequestSchema, reply: keyResolveReplySchema },
  [rpcSubjects.identityAgentResolve]: { request: agentResolveRequestSchema, reply: agentResolveReplySchema },
  [rpcSubjects.knowledgeSearch]: { request: knowledgeSearchRequestSchema, reply: knowledgeSearchReplySchema },
  [rpcSubjects.dialerDialAdmit]: { request: dialAdmitRequestSchema, reply: dialAdmitReplySchema },
  [rpcSubjects.dialerCallTransfer]: { request: callTransferRequestSchema, reply: callTransferReplySchema },
  [rpcSubjects.billingBalanceGet]: { request: balanceGetRequestSchema, reply: balanceGetReplySchema },
  [rpcSubjects.billingPointsCredit]: { request: pointsCreditRequestSchema, reply: pointsCreditReplySchema },
  [rpcSubjects.billingLedgerList]: { request: ledgerListRequestSchema, reply: ledgerListReplySchema },
  [rpcSubjects.billingUsageSummary]: { request: usageSummaryRequestSchema, reply: usageSummaryReplySchema },
  [rpcSubjects.billingUsageCalls]: { request: usageCallsRequestSchema, reply: usageCallsReplySchema },
  [rpcSubjects.dialerTasksCount]: { request: tasksCountRequestSchema, reply: tasksCountReplySchema },
  [rpcSubjects.dialerTaskCreate]: { request: taskCreateRequestSchema, reply: taskCreateReplySchema },
  [rpcSubjects.dialerTaskList]: { request: taskListRequestSchema, reply: taskListReplySchema },
  [rpcSubjects.dialerTaskGet]: { request: taskGetRequestSchema, reply: taskGetReplySchema },
  [rpcSubjects.dialerTaskUpdate]: { request: taskUpdateRequestSchema, reply: taskUpdateReplySchema },
  [rpcSubjects.dialerTaskDelete]: { request: taskDeleteRequestSchema, reply: taskDeleteReplySchema },
  [rpcSubjects.dialerTaskExecute]: { request: taskExecuteRequestSchema, reply: taskExecuteReplySchema },
  [rpcSubjects.dialerTaskReset]: { request: taskResetRequestSchema, reply: taskResetReplySchema },
  [rpcSubjects.dialerSipTrunkCreate]: { request: sipTrunkCreateRequestSchema, reply: sipTrunkSchema },
  [rpcSubjects.dialerSipTrunkList]: { request: sipTrunkListRequestSchema, reply: sipTrunkListReplySchema },
  [rpcSubjects.dialerSipTrunkUpdate]: { request: sipTrunkUpdateRequestSchema, reply: sipTrunkSchema },
  [rpcSubjects.dialerSipTrunkDelete]: { request: sipTrunkDeleteRequestSchema, reply: sipDeleteReplySchema },
  [rpcSubjects.dialerSipConfigCreate]: { request: sipConfigCreateRequestSchema, reply: sipConfigSchema },
  [rpcSubjects.dialerSipConfigList]: { request: sipConfigListRequestSchema, reply: sipConfigListReplySchema },
  [rpcSubjects.dialerSipConfigUpdate]: { request: sipConfigUpdateRequestSchema, reply: sipConfigSchema },
  [rpcSubjects.dialerSipConfigDelete]: { request: sipConfigDeleteRequestSchema, reply: sipDeleteReplySchema },
  [rpcSubjects.dialerSipDial]: { request: sipDialRequestSchema, reply: sipDialReplySchema },
  [rpcSubjects.dialerSipInbound]: { request: sipInboundRequestSchema, reply: sipInboundReplySchema },
  [rpcSubjects.llmReport]: { request: llmReportRequestSchema, reply: llmReportReplySchema },
  [rpcSubjects.webhookCreate]: { request: webhookCreateRequestSchema, reply: webhookCreateReplySchema },
  [rpcSubjects.webhookList]: { request: webhookListRequestSchema, reply: webhookListReplySchema },
  [rpcSubjects.webhookGet]: { request: webhookGetRequestSchema, reply: webhookGetReplySchema },
  [rpcSubjects.webhookUpdate]: { request: webhookUpdateRequestSchema, reply: webhookUpdateReplySchema },
  [rpcSubjects.webhookDelete]: { request: webhookDeleteRequestSchema, reply: webhookDeleteReplySchema },
  [rpcSubjects.webhookRotateSecret]: { request: webhookRotateSecretRequestSchema, reply: webhookRotateSecretReplySchema },
  [rpcSubjects.webhookDeliveriesList]: { request: webhookDeliveriesListRequestSchema, reply: webhookDeliveriesListReplySchema },
  [rpcSubjects.webhookRedeliver]: { request: webhookRedeliverRequestSchema, reply: webhookRedeliverReplySchema },
  [rpcSubjects.webhookTest]: { request: webhookTestRequestSchema, reply: webhookTestReplySchema },
};

const eventSchemas: { [K in EventSubject]: z.ZodType<EventMap[K]> } = {
  [eventSubjects.callStarted]: callStartedEventSchema,
  [eventSubjects.transcriptAppended]: transcriptAppendedEventSchema,
  [eventSubjects.callEnded]: callEndedEventSchema,
  [eventSubjects.recordingStarted]: recordingStartedEventSchema,
  [eventSubjects.recordingStopped]: recordingStoppedEventSchema,
  [eventSubjects.keyRevoked]: keyRevokedEventSchema,
  [eventSubjects.agentChanged]: agentChangedEventSchema,
  [eventSubjects.usageRecorded]: usageRecordedEventSchema,
  [eventSubjects.callSettled]: callSettledEventSchema,
  [eventSubjects.taskWebhookRequested]: taskWebhookRequestedEventSchema,
  [eventSubjects.callReported]: callReportedEventSchema,
  [eventSubjects.webhookEndpointDisabled]: webhookEndpointDisabledEventSchema,
  [eventSubjects.knowledgeDocumentUploaded]: knowledgeDocumentUploadedEventSchema,
  [eventSubjects.knowledgeReindexed]: knowledgeReindexedEventSchema,
};

function lookup(subject: string): z.ZodType | undefined {
  const voice = parseVoiceSubject(subject);
  if (voice) return voiceSchemas[voice.channel];
  if (Object.hasOwn(rpcSchemas, subject)) return rpcSchemas[subject as RpcSubject].request;
  if (Object.hasOwn(eventSchemas, subject)) return eventSchemas[subject as EventSubject];
  return undefined;
}

/**
 * The schema of what is published on `subject` (an RPC's request), so a receiver can
 * validate what enters its process. Per-call subjects resolve for any call id, including
 * the `*` wildcard. Throws for a subject with no contract: that is a programming error.
 */
export function schemaFor<S extends Subject>(subject: S): z.ZodType<SubjectMap[S]> {
  const schema = lookup(subject);
  if (!schema) throw new RangeError(`no contract for subject ${JSON.stringify(subject)}`);
  return schema as z.ZodType<SubjectMap[S]>;
}

/** True for per-call audio subjects, whose payload is raw bytes rather than JSON. */
export function isAudioSubject(subject: string): boolean {
  const voice = parseVoiceSubject(subject);
  return voice !== undefined && AUDIO_CHANNELS.has(voice.channel);
}

/** The schema of a per-call JSON message; throws for audio subjects (no JSON) and call commands (requests). */
export function messageSchemaFor<S extends MessageSubject>(subject: S): z.ZodType<MessageMap[S]> {
  const voice = parseVoiceSubject(subject);
  if (!voice || AUDIO_CHANNELS.has(voice.channel) || voice.channel === 'command') {
    throw new RangeError(`no JSON message contract for ${JSON.stringify(subject)}`);
  }
  return voiceSchemas[voice.channel] as z.ZodType<MessageMap[S]>;
}

function rpcContract<S extends RpcSubject>(subject: S): RpcSchemas[S] {
  // S is a command subject here; TypeScript cannot narrow a generic by a runtime check.
  if (parseVoiceSubject(subject)?.channel === 'command') return callCommandContract as unknown as RpcSchemas[S];
  if (!Object.hasOwn(rpcSchemas, subject)) throw new RangeError(`no RPC contract for ${JSON.stringify(subject)}`);
  return rpcSchemas[subject];
}

/** The schema of an RPC's request (same as `schemaFor`, typed by `RpcMap`). */
export function requestSchemaFor<S extends RpcSubject>(subject: S): z.ZodType<RpcMap[S]['request']> {
  return rpcContract(subject).request;
}

/** The schema of an RPC's reply. */
export function replySchemaFor<S extends RpcSubject>(subject: S): z.ZodType<RpcMap[S]['reply']> {
  return rpcContract(subject).reply;
}

/** The schema of a domain event (same as `schemaFor`, typed by `EventMap`). */
export function eventSchemaFor<S extends EventSubject>(subject: S): z.ZodType<EventMap[S]> {
  if (!Object.hasOwn(eventSchemas, subject)) throw new RangeError(`no event contract for ${JSON.stringify(subject)}`);
  return eventSchemas[subject];
}
