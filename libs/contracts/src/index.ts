// Wire contract of Parley: subjects, message schemas and the error envelope (zod only).
export * from './shared/ids.schema';
export * from './shared/agent-config.schema';
export * from './shared/call-end-reason.schema';
export * from './shared/chat-message.schema';

export * from './subjects/subject-token';
export * from './subjects/voice-subjects';
export * from './subjects/rpc-subjects';
export * from './subjects/event-subjects';
export * from './subjects/streams';

export * from './voice/transcript.schema';
export * from './voice/reply-text.schema';
export * from './voice/control.schema';
export * from './voice/audio-frame.schema';
export * from './voice/call-command.schema';
export * from './voice/call-command-reply.schema';

export * from './rpc/stt-session-open.schema';
export * from './rpc/stt-session-close.schema';
export * from './rpc/llm-reply.schema';
export * from './rpc/tts-synthesize.schema';
export * from './rpc/key-resolve.schema';
export * from './rpc/agent-resolve.schema';
export * from './rpc/dial-admit.schema';
export * from './rpc/sip-trunk.schema';
export * from './rpc/sip-config.schema';
export * from './rpc/sip-dial.schema';
export * from './rpc/sip-inbound.schema';
export * from './rpc/llm-report.schema';
export * from './rpc/call-transfer.schema';
export * from './shared/builtin-tools';
export * from './rpc/knowledge-search.schema';
export * from './rpc/balance-get.schema';
export * from './rpc/points-credit.schema';
export * from './rpc/ledger-list.schema';
export * from './rpc/usage-summary.schema';
export * from './rpc/usage-calls.schema';
export * from './rpc/tasks-count.schema';
export * from './shared/task.schema';
export * from './rpc/task-create.schema';
export * from './rpc/task-list.schema';
export * from './rpc/task-get.schema';
export * from './rpc/task-update.schema';
export * from './rpc/task-delete.schema';
export * from './rpc/task-execute.schema';
export * from './rpc/task-reset.schema';
export * from './shared/webhook.schema';
export * from './rpc/webhook-create.schema';
export * from './rpc/webhook-list.schema';
export * from './rpc/webhook-get.schema';
export * from './rpc/webhook-update.schema';
export * from './rpc/webhook-delete.schema';
export * from './rpc/webhook-rotate-secret.schema';
export * from './rpc/webhook-deliveries-list.schema';
export * from './rpc/webhook-redeliver.schema';
export * from './rpc/webhook-test.schema';

export * from './events/call-started.schema';
export * from './events/transcript-appended.schema';
export * from './events/call-ended.schema';
export * from './events/recording-started.schema';
export * from './events/recording-stopped.schema';
export * from './events/key-revoked.schema';
export * from './events/agent-changed.schema';
export * from './events/usage-recorded.schema';
export * from './events/call-settled.schema';
export * from './events/task-webhook-requested.schema';
export * from './events/call-reported.schema';
export * from './events/webhook-endpoint-disabled.schema';
export * from './events/knowledge-document-uploaded.schema';
export * from './events/knowledge-reindexed.schema';

export * from './errors/error-catalog';
export * from './errors/error-envelope.schema';

export * from './ws/voice-server-message.schema';
export * from './ws/voice-client-message.schema';

export * from './subject-map';
export * from './schema-registry';
