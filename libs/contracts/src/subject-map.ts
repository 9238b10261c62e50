import type { AgentChangedEvent } from './events/agent-changed.schema';
import type { CallEndedEvent } from './events/call-ended.schema';
import type { CallReportedEvent } from './events/call-reported.schema';
import type { CallStartedEvent } from './events/call-started.schema';
import type { KeyRevokedEvent } from './events/key-revoked.schema';
import type { RecordingStartedEvent } from './events/recording-started.schema';
import type { RecordingStoppedEvent } from './events/recording-stopped.schema';
import type { TranscriptAppendedEvent } from './events/transcript-appended.schema';
import type { BalanceGetReply, BalanceGetRequest } from './rpc/balance-get.schema';
import type { PointsCreditReply, PointsCreditRequest } from './rpc/points-credit.schema';
import type { LedgerListReply, LedgerListRequest } from './rpc/ledger-list.schema';
import type { UsageSummaryReply, UsageSummaryRequest } from './rpc/usage-summary.schema';
import type { UsageCallsReply, UsageCallsRequest } from './rpc/usage-calls.schema';
import type { UsageRecordedEvent } from './events/usage-recorded.schema';
import type { CallSettledEvent } from './events/call-settled.schema';
import type { TaskWebhookRequestedEvent } from './events/task-webhook-requested.schema';
import type { WebhookEndpointDisabledEvent } from './events/webhook-endpoint-disabled.schema';
import type { KnowledgeDocumentUploadedEvent } from './events/knowledge-document-uploaded.schema';
import type { KnowledgeReindexedEvent } from './events/knowledge-reindexed.schema';
import type { KeyResolveReply, KeyResolveRequest } from './rpc/key-resolve.schema';
import type { AgentResolveReply, AgentResolveRequest } from './rpc/agent-resolve.schema';
import type { DialAdmitReply, DialAdmitRequest } from './rpc/dial-admit.schema';
import type {
  SipDeleteReply,
  SipTrunk,
  SipTrunkCreateRequest,
  SipTrunkDeleteRequest,
  SipTrunkListReply,
  SipTrunkListRequest,
  SipTrunkUpdateRequest,
} from './rpc/sip-trunk.schema';
import type {
  SipConfig,
  SipConfigCreateRequest,
  SipConfigDeleteRequest,
  SipConfigListReply,
  SipConfigListRequest,
  SipConfigUpdateRequest,
} from './rpc/sip-config.schema';
import type { SipDialReply, SipDialRequest } from './rpc/sip-dial.schema';
import type { SipInboundReply, SipInboundRequest } from './rpc/sip-inbound.schema';
import type { LlmReportReply, LlmReportRequest } from './rpc/llm-report.schema';
import type { CallTransferReply, CallTransferRequest } from './rpc/call-transfer.schema';
import type { KnowledgeSearchReply, KnowledgeSearchRequest } from './rpc/knowledge-search.schema';
import type { LlmReplyReply, LlmReplyRequest } from './rpc/llm-reply.schema';
import type { TasksCountReply, TasksCountRequest } from './rpc/tasks-count.schema';
import type { TaskCreateReply, TaskCreateRequest } from './rpc/task-create.schema';
import type { TaskListReply, TaskListRequest } from './rpc/task-list.schema';
import type { TaskGetReply, TaskGetRequest } from './rpc/task-get.schema';
import type { TaskUpdateReply, TaskUpdateRequest } from './rpc/task-update.schema';
import type { TaskDeleteReply, TaskDeleteRequest } from './rpc/task-delete.schema';
import type { TaskExecuteReply, TaskExecuteRequest } from './rpc/task-execute.schema';
import type { TaskResetReply, TaskResetRequest } from './rpc/task-reset.schema';
import type { SttSessionCloseReply, SttSessionCloseRequest } from './rpc/stt-session-close.schema';
import type { SttSessionOpenReply, SttSessionOpenRequest } from './rpc/stt-session-open.schema';
import type { TtsSynthesizeReply, TtsSynthesizeRequest } from './rpc/tts-synthesize.schema';
import type { WebhookCreateReply, WebhookCreateRequest } from './rpc/webhook-create.schema';
import type { WebhookListReply, WebhookListRequest } from './rpc/webhook-list.schema';
import type { WebhookGetReply, WebhookGetRequest } from './rpc/webhook-get.schema';
import type { WebhookUpdateReply, WebhookUpdateRequest } from './rpc/webhook-update.schema';
import type { WebhookDeleteReply, WebhookDeleteRequest } from './rpc/webhook-delete.schema';
import type { WebhookRotateSecretReply, WebhookRotateSecretRequest } from './rpc/webhook-rotate-secret.schema';
import type { WebhookDeliveriesListReply, WebhookDeliveriesListRequest } from './rpc/webhook-deliveries-list.schema';
import type { WebhookRedeliverReply, WebhookRedeliverRequest } from './rpc/webhook-redeliver.schema';
import type { WebhookTestReply, WebhookTestRequest } from './rpc/webhook-test.schema';
import type { EventSubject, eventSubjects } from './subjects/event-subjects';
import type { RpcSubject, rpcSubjects } from './subjects/rpc-subjects';
import type { VoiceSubject } from './subjects/voice-subjects';
import type { AudioFrame } from './voice/audio-frame.schema';
import type { CallCommand } from './voice/call-command.schema';
import type { CallCommandReply } from './voice/call-command-reply.schema';
import type { ControlMessage } from './voice/control.schema';
import type { ReplyTextChunk } from './voice/reply-text.schema';
import type { TranscriptMessage } from './voice/transcript.schema';

/** Per-call JSON messages on core NATS. */
export type MessageMap = {
  [s: VoiceSubject<'transcript'>]: TranscriptMessage;
  [s: VoiceSubject<'reply-text'>]: ReplyTextChunk;
  [s: VoiceSubject<'ctl'>]: ControlMessage;
};

/** Per-call audio: raw PCM16LE bytes, never JSON. */
export type AudioMap = {
  [s: VoiceSubject<'audio-in'>]: AudioFrame;
  [s: VoiceSubject<'audio-out'>]: AudioFrame;
};

/** Request and reply of every RPC. */
export type RpcMap = {
  [s: VoiceSubject<'command'>]: { request: CallCommand; reply: CallCommandReply };
  [rpcSubjects.sttSessionOpen]: { request: SttSessionOpenRequest; reply: SttSessionOpenReply };
  [rpcSubjects.sttSessionClose]: { request: SttSessionCloseRequest; reply: SttSessionCloseReply };
  [rpcSubjects.llmReply]: { request: LlmReplyRequest; reply: LlmReplyReply };
  [rpcSubjects.ttsSynthesize]: { request: TtsSynthesizeRequest; reply: TtsSynthesizeReply };
  [rpcSubjects.identityKeyResolve]: { request: KeyResolveRequest; reply: KeyResolveReply };
  [rpcSubjects.identityAgentResolve]: { request: AgentResolveRequest; reply: AgentResolveReply };
  [rpcSubjects.knowledgeSearch]: { request: KnowledgeSearchRequest; reply: KnowledgeSearchReply };
  [rpcSubjects.dialerDialAdmit]: { request: DialAdmitRequest; reply: DialAdmitReply };
  [rpcSubjects.dialerCallTransfer]: { request: CallTransferRequest; reply: CallTransferReply };
  [rpcSubjects.billingBalanceGet]: { request: BalanceGetRequest; reply: BalanceGetReply };
  [rpcSubjects.billingPointsCredit]: { request: PointsCreditRequest; reply: PointsCreditReply };
  [rpcSubjects.billingLedgerList]: { request: LedgerListRequest; reply: LedgerListReply };
  [rpcSubjects.billingUsageSummary]: { request: UsageSummaryRequest; reply: UsageSummaryReply };
  [rpcSubjects.billingUsageCalls]: { request: UsageCallsRequest; reply: UsageCallsReply };
  [rpcSubjects.dialerTasksCount]: { request: TasksCountRequest; reply: TasksCountReply };
  [rpcSubjects.dialerTaskCreate]: { request: TaskCreateRequest; reply: TaskCreateReply };
  [rpcSubjects.dialerTaskList]: { request: TaskListRequest; reply: TaskListReply };
  [rpcSubjects.dialerTaskGet]: { request: TaskGetRequest; reply: TaskGetReply };
  [rpcSubjects.dialerTaskUpdate]: { request: TaskUpdateRequest; reply: TaskUpdateReply };
  [rpcSubjects.dialerTaskDelete]: { request: TaskDeleteRequest; reply: TaskDeleteReply };
  [rpcSubjects.dialerTaskExecute]: { request: TaskExecuteRequest; reply: TaskExecuteReply };
  [rpcSubjects.dialerTaskReset]: { request: TaskResetRequest; reply: TaskResetReply };
  [rpcSubjects.dialerSipTrunkCreate]: { request: SipTrunkCreateRequest; reply: SipTrunk };
  [rpcSubjects.dialerSipTrunkList]: { request: SipTrunkListRequest; reply: SipTrunkListReply };
  [rpcSubjects.dialerSipTrunkUpdate]: { request: SipTrunkUpdateRequest; reply: SipTrunk };
  [rpcSubjects.dialerSipTrunkDelete]: { request: SipTrunkDeleteRequest; reply: SipDeleteReply };
  [rpcSubjects.dialerSipConfigCreate]: { request: SipConfigCreateRequest; reply: SipConfig };
  [rpcSubjects.dialerSipConfigList]: { request: SipConfigListRequest; reply: SipConfigListReply };
  [rpcSubjects.dialerSipConfigUpdate]: { request: SipConfigUpdateRequest; reply: SipConfig };
  [rpcSubjects.dialerSipConfigDelete]: { request: SipConfigDeleteRequest; reply: SipDeleteReply };
  [rpcSubjects.dialerSipDial]: { request: SipDialRequest; reply: SipDialReply };
  [rpcSubjects.dialerSipInbound]: { request: SipInboundRequest; reply: SipInboundReply };
  [rpcSubjects.llmReport]: { request: LlmReportRequest; reply: LlmReportReply };
  [rpcSubjects.webhookCreate]: { request: WebhookCreateRequest; reply: WebhookCreateReply };
  [rpcSubjects.webhookList]: { request: WebhookListRequest; reply: WebhookListReply };
  [rpcSubjects.webhookGet]: { request: WebhookGetRequest; reply: WebhookGetReply };
  [rpcSubjects.webhookUpdate]: { request: WebhookUpdateRequest; reply: WebhookUpdateReply };
  [rpcSubjects.webhookDelete]: { request: WebhookDeleteRequest; reply: WebhookDeleteReply };
  [rpcSubjects.webhookRotateSecret]: { request: WebhookRotateSecretRequest; reply: WebhookRotateSecretReply };
  [rpcSubjects.webhookDeliveriesList]: { request: WebhookDeliveriesListRequest; reply: WebhookDeliveriesListReply };
  [rpcSubjects.webhookRedeliver]: { request: WebhookRedeliverRequest; reply: WebhookRedeliverReply };
  [rpcSubjects.webhookTest]: { request: WebhookTestRequest; reply: WebhookTestReply };
};

/** Domain events stored in JetStream. */
export type EventMap = {
  [eventSubjects.callStarted]: CallStartedEvent;
  [eventSubjects.transcriptAppended]: TranscriptAppendedEvent;
  [eventSubjects.callEnded]: CallEndedEvent;
  [eventSubjects.recordingStarted]: RecordingStartedEvent;
  [eventSubjects.recordingStopped]: RecordingStoppedEvent;
  [eventSubjects.keyRevoked]: KeyRevokedEvent;
  [eventSubjects.agentChanged]: AgentChangedEvent;
  [eventSubjects.usageRecorded]: UsageRecordedEvent;
  [eventSubjects.callSettled]: CallSettledEvent;
  [eventSubjects.taskWebhookRequested]: TaskWebhookRequestedEvent;
  [eventSubjects.callReported]: CallReportedEvent;
  [eventSubjects.webhookEndpointDisabled]: WebhookEndpointDisabledEvent;
  [eventSubjects.knowledgeDocumentUploaded]: KnowledgeDocumentUploadedEvent;
  [eventSubjects.knowledgeReindexed]: KnowledgeReindexedEvent;
};

/** Every subject and the payload published on it (for an RPC, its request). */
export type SubjectMap = MessageMap & AudioMap & EventMap & { [K in RpcSubject]: RpcMap[K]['request'] };

export type MessageSubject = keyof MessageMap & string;
export type AudioSubject = keyof AudioMap & string;
export type Subject = keyof SubjectMap & string;
export type { EventSubject, RpcSubject };

export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];
