import type { VoiceSubject } from './voice-subjects';

/**
 * `<service>.v1.rpc.<entity>.<verb>`; a service with one obvious entity names only the
 * verb (DESIGN: `llm.v1.rpc.reply`, `tts.v1.rpc.synthesize`). The queue group of an RPC
 * is its service.
 */
function rpcSubject<S extends string, A extends string>(service: S, action: A) {
  return `${service}.v1.rpc.${action}` as const;
}

export const rpcSubjects = {
  sttSessionOpen: rpcSubject('stt', 'session.open'),
  sttSessionClose: rpcSubject('stt', 'session.close'),
  llmReply: rpcSubject('llm', 'reply'),
  ttsSynthesize: rpcSubject('tts', 'synthesize'),
  identityKeyResolve: rpcSubject('identity', 'key.resolve'),
  identityAgentResolve: rpcSubject('identity', 'agent.resolve'),
  knowledgeSearch: rpcSubject('knowledge', 'search'),
  billingBalanceGet: rpcSubject('billing', 'balance.get'),
  billingPointsCredit: rpcSubject('billing', 'points.credit'),
  billingLedgerList: rpcSubject('billing', 'ledger.list'),
  billingUsageSummary: rpcSubject('billing', 'usage.summary'),
  billingUsageCalls: rpcSubject('billing', 'usage.calls'),
  dialerTasksCount: rpcSubject('dialer', 'tasks.count'),
  dialerTaskCreate: rpcSubject('dialer', 'task.create'),
  dialerTaskList: rpcSubject('dialer', 'task.list'),
  dialerTaskGet: rpcSubject('dialer', 'task.get'),
  dialerTaskUpdate: rpcSubject('dialer', 'task.update'),
  dialerTaskDelete: rpcSubject('dialer', 'task.delete'),
  dialerTaskExecute: rpcSubject('dialer', 'task.execute'),
  dialerTaskReset: rpcSubject('dialer', 'task.reset'),
  dialerDialAdmit: rpcSubject('dialer', 'dial.admit'),
  dialerSipTrunkCreate: rpcSubject('dialer', 'sip-trunk.create'),
  dialerSipTrunkList: rpcSubject('dialer', 'sip-trunk.list'),
  dialerSipTrunkUpdate: rpcSubject('dialer', 'sip-trunk.update'),
  dialerSipTrunkDelete: rpcSubject('dialer', 'sip-trunk.delete'),
  dialerSipConfigCreate: rpcSubject('dialer', 'sip-config.create'),
  dialerSipConfigList: rpcSubject('dialer', 'sip-config.list'),
  dialerSipConfigUpdate: rpcSubject('dialer', 'sip-config.update'),
  dialerSipConfigDelete: rpcSubject('dialer', 'sip-config.delete'),
  dialerSipDial: rpcSubject('dialer', 'sip.dial'),
  dialerSipInbound: rpcSubject('dialer', 'sip.inbound'),
  llmReport: rpcSubject('llm', 'report'),
  dialerCallTransfer: rpcSubject('dialer', 'call.transfer'),
  webhookCreate: rpcSubject('webhooks', 'endpoint.create'),
  webhookList: rpcSubject('webhooks', 'endpoint.list'),
  webhookGet: rpcSubject('webhooks', 'endpoint.get'),
  webhookUpdate: rpcSubject('webhooks', 'endpoint.update'),
  webhookDelete: rpcSubject('webhooks', 'endpoint.delete'),
  webhookRotateSecret: rpcSubject('webhooks', 'endpoint.rotate-secret'),
  webhookDeliveriesList: rpcSubject('webhooks', 'delivery.list'),
  webhookRedeliver: rpcSubject('webhooks', 'delivery.redeliver'),
  webhookTest: rpcSubject('webhooks', 'test.fire'),
} as const;

/** The fixed RPCs, plus the per-call command request (`voiceSubjects.command`). */
export type RpcSubject = (typeof rpcSubjects)[keyof typeof rpcSubjects] | VoiceSubject<'command'>;

/**
 * The service that answers an RPC subject: its first token, used as the queue group
 * (`voice` for a call command, which only the gateway holding the call serves).
 */
export function rpcService(subject: RpcSubject): string {
  return subject.slice(0, subject.indexOf('.'));
}
