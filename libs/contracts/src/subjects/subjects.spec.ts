import { ALL_STREAMS, streams } from './streams';
import { eventSubjects } from './event-subjects';
import { rpcService, rpcSubjects } from './rpc-subjects';
import { ANY_TOKEN } from './subject-token';
import { parseVoiceSubject, voiceSubjects } from './voice-subjects';

describe('voice subjects', () => {
  it('builds the documented per-call subjects', () => {
    expect(voiceSubjects.audioIn('c-1')).toBe('voice.v1.sess.c-1.audio-in');
    expect(voiceSubjects.audioOut('c-1')).toBe('voice.v1.sess.c-1.audio-out');
    expect(voiceSubjects.transcript('c-1')).toBe('voice.v1.sess.c-1.transcript');
    expect(voiceSubjects.replyText('c-1')).toBe('voice.v1.sess.c-1.reply-text');
    expect(voiceSubjects.control('c-1')).toBe('voice.v1.sess.c-1.ctl');
  });

  it.each(['a.b', '>', '', 'has space', 'x'.repeat(65)])('refuses %j as a call id', (callId) => {
    expect(() => voiceSubjects.transcript(callId)).toThrow(RangeError);
  });

  it('accepts the single-token wildcard to listen across calls', () => {
    expect(voiceSubjects.transcript(ANY_TOKEN)).toBe('voice.v1.sess.*.transcript');
  });

  it('parses a per-call subject back into call id and channel', () => {
    expect(parseVoiceSubject(voiceSubjects.replyText('abc_9'))).toEqual({ callId: 'abc_9', channel: 'reply-text' });
    expect(parseVoiceSubject(eventSubjects.callEnded)).toBeUndefined();
    expect(parseVoiceSubject(voiceSubjects.control('c').replace('ctl', 'other'))).toBeUndefined();
  });
});

describe('RPC subjects', () => {
  it('builds the documented RPC subjects', () => {
    expect(rpcSubjects).toEqual({
      sttSessionOpen: 'stt.v1.rpc.session.open',
      sttSessionClose: 'stt.v1.rpc.session.close',
      llmReply: 'llm.v1.rpc.reply',
      ttsSynthesize: 'tts.v1.rpc.synthesize',
      identityKeyResolve: 'identity.v1.rpc.key.resolve',
      identityAgentResolve: 'identity.v1.rpc.agent.resolve',
      knowledgeSearch: 'knowledge.v1.rpc.search',
      billingBalanceGet: 'billing.v1.rpc.balance.get',
      billingPointsCredit: 'billing.v1.rpc.points.credit',
      billingLedgerList: 'billing.v1.rpc.ledger.list',
      billingUsageSummary: 'billing.v1.rpc.usage.summary',
      billingUsageCalls: 'billing.v1.rpc.usage.calls',
      dialerTasksCount: 'dialer.v1.rpc.tasks.count',
      dialerTaskCreate: 'dialer.v1.rpc.task.create',
      dialerTaskList: 'dialer.v1.rpc.task.list',
      dialerTaskGet: 'dialer.v1.rpc.task.get',
      dialerTaskUpdate: 'dialer.v1.rpc.task.update',
      dialerTaskDelete: 'dialer.v1.rpc.task.delete',
      dialerTaskExecute: 'dialer.v1.rpc.task.execute',
      dialerTaskReset: 'dialer.v1.rpc.task.reset',
      dialerDialAdmit: 'dialer.v1.rpc.dial.admit',
      dialerSipTrunkCreate: 'dialer.v1.rpc.sip-trunk.create',
      dialerSipTrunkList: 'dialer.v1.rpc.sip-trunk.list',
      dialerSipTrunkUpdate: 'dialer.v1.rpc.sip-trunk.update',
      dialerSipTrunkDelete: 'dialer.v1.rpc.sip-trunk.delete',
      dialerSipConfigCreate: 'dialer.v1.rpc.sip-config.create',
      dialerSipConfigList: 'dialer.v1.rpc.sip-config.list',
      dialerSipConfigUpdate: 'dialer.v1.rpc.sip-config.update',
      dialerSipConfigDelete: 'dialer.v1.rpc.sip-config.delete',
      dialerSipDial: 'dialer.v1.rpc.sip.dial',
      dialerSipInbound: 'dialer.v1.rpc.sip.inbound',
      llmReport: 'llm.v1.rpc.report',
      dialerCallTransfer: 'dialer.v1.rpc.call.transfer',
      webhookCreate: 'webhooks.v1.rpc.endpoint.create',
      webhookList: 'webhooks.v1.rpc.endpoint.list',
      webhookGet: 'webhooks.v1.rpc.endpoint.get',
      webhookUpdate: 'webhooks.v1.rpc.endpoint.update',
      webhookDelete: 'webhooks.v1.rpc.endpoint.delete',
      webhookRotateSecret: 'webhooks.v1.rpc.endpoint.rotate-secret',
      webhookDeliveriesList: 'webhooks.v1.rpc.delivery.list',
      webhookRedeliver: 'webhooks.v1.rpc.delivery.redeliver',
      webhookTest: 'webhooks.v1.rpc.test.fire',
    });
  });

  it('names the answering service as the queue group', () => {
    expect(rpcService(rpcSubjects.sttSessionOpen)).toBe('stt');
    expect(rpcService(rpcSubjects.identityKeyResolve)).toBe('identity');
  });
});

describe('event subjects and streams', () => {
  it('builds the documented domain event subjects', () => {
    expect(eventSubjects).toEqual({
      callStarted: 'call.v1.evt.call.started',
      transcriptAppended: 'call.v1.evt.transcript.appended',
      callEnded: 'call.v1.evt.call.ended',
      recordingStarted: 'call.v1.evt.recording.started',
      recordingStopped: 'call.v1.evt.recording.stopped',
      keyRevoked: 'identity.v1.evt.key.revoked',
      agentChanged: 'agents.v1.evt.agent.changed',
      usageRecorded: 'metering.v1.evt.usage.recorded',
      callSettled: 'billing.v1.evt.call.settled',
      taskWebhookRequested: 'dialer.v1.evt.task.webhook-requested',
      callReported: 'dialer.v1.evt.call.reported',
      webhookEndpointDisabled: 'webhooks.v1.evt.endpoint.disabled',
      knowledgeDocumentUploaded: 'knowledge.v1.evt.document.uploaded',
      knowledgeReindexed: 'knowledge.v1.evt.knowledge-base.reindexed',
    });
  });

  it('stores key and agent facts in the IDENTITY and AGENTS streams', () => {
    expect(streams.identity).toMatchObject({ name: 'IDENTITY', subjects: ['identity.v1.evt.>'] });
    expect(streams.agents).toMatchObject({ name: 'AGENTS', subjects: ['agents.v1.evt.>'] });
  });

  it('stores every call event in the CALL stream', () => {
    expect(streams.call.name).toBe('CALL');
    expect(streams.call.subjects).toEqual(['call.v1.evt.>']);
    const prefix = streams.call.subjects[0].slice(0, -1);
    const callEvents = [
      eventSubjects.callStarted,
      eventSubjects.transcriptAppended,
      eventSubjects.callEnded,
      eventSubjects.recordingStarted,
      eventSubjects.recordingStopped,
    ];
    for (const subject of callEvents) expect(subject.startsWith(prefix)).toBe(true);
  });

  it('stores every event subject in exactly one stream', () => {
    for (const subject of Object.values(eventSubjects)) {
      const holders = ALL_STREAMS.filter((s) => s.subjects.some((w) => subject.startsWith(w.slice(0, -1))));
      expect(holders).toHaveLength(1);
    }
  });

  it('lists each stream once, with names JetStream accepts', () => {
    const names = ALL_STREAMS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z0-9_]+$/);
  });
});
