import { randomUUID } from 'node:crypto';
import { BusError } from '@parley/bus';
import {
  type AgentConfig,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  rpcSubjects,
  type SipConfigFields,
  type SipTrunkFields,
} from '@parley/contracts';
import { DialAdmitService } from '../src/dial/dial-admit.service';
import { hashDialTicket, newDialTicket } from '../src/dial/dial-ticket';
import { DialTicketsRepository } from '../src/dial/dial-tickets.repository';
import { SipAdmission } from '../src/sip/sip-admission';
import { SipConfigsRepository } from '../src/sip/sip-configs.repository';
import { SipDialService } from '../src/sip/sip-dial.service';
import { SipInboundCallsRepository } from '../src/sip/sip-inbound-calls.repository';
import { SipInboundService } from '../src/sip/sip-inbound.service';
import { SipRpc } from '../src/sip/sip.rpc';
import { SipSettingsService } from '../src/sip/sip-settings.service';
import { SipTrunksRepository } from '../src/sip/sip-trunks.repository';
import { TwilioVoiceService } from '../src/sip/twilio-voice.service';
import { type DialerHarness, silentLogger, startDialerHarness } from './support/dialer-harness';

const agentConfig = (agentId: string): AgentConfig => ({
  agentId,
  name: 'Support Agent',
  language: 'en',
  greeting: 'Hello!',
  systemPrompt: 'Be brief.',
  voice: { provider: 'flite', voiceId: 'slt' },
  llm: { provider: 'local', model: 'local' },
  sttProvider: 'pocketsphinx',
  limits: { maxDurationSec: 600, maxTurns: 50, silenceTimeoutSec: 20 },
  knowledgeBaseIds: [],
  dtmfRules: { '0': 'operator' },
});

describe('dialer SIP trunks, configs, dial and inbound calls against real Postgres and NATS', () => {
  const orgId = randomUUID();
  const keyId = randomUUID();
  const agentId = randomUUID();
  const options = { ticketTtlMs: 60_000, gatewayPublicUrl: 'wss://voice.example.test/' };
  let h: DialerHarness;
  let admission: SipAdmission;
  let twilio: TwilioVoiceService;
  let number = 14155550100;

  const nextNumber = () => `+${number++}`;
  const rpc = <S extends RpcSubject>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> =>
    h.bus.request(subject, request, { timeoutMs: 15_000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as BusError);
  const trunk = (org = orgId, more: Partial<SipTrunkFields> = {}) =>
    rpc(rpcSubjects.dialerSipTrunkCreate, { orgId: org, fields: { name: 'Main Trunk', phoneNumber: nextNumber(), ...more } });
  const config = (more: Partial<SipConfigFields> = {}, org = orgId, maxConfigs = 10) =>
    rpc(rpcSubjects.dialerSipConfigCreate, {
      orgId: org,
      keyId,
      maxConfigs,
      fields: { name: 'Inbound Line', phoneNumber: nextNumber(), agentId, ...more },
    });

  beforeAll(async () => {
    h = await startDialerHarness('dialer_sip');
    const trunks = new SipTrunksRepository(h.db);
    const configs = new SipConfigsRepository(h.db);
    const calls = new SipInboundCallsRepository(h.db);
    const inbound = new SipInboundService(configs, calls, options);
    new SipRpc(h.bus, new SipSettingsService(trunks, configs), new SipDialService(trunks, h.bus), inbound).onModuleInit();
    admission = new SipAdmission(calls, configs, h.bus);
    twilio = new TwilioVoiceService(inbound, options, silentLogger);
    h.bus.serve(rpcSubjects.identityAgentResolve, (request) =>
      Promise.resolve({ agent: agentConfig(request.agentId), plan: 'pro' as const, limits: { maxConcurrentCalls: 7 } }),
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates, lists oldest first, patches and deletes trunks; another organization sees none of them', async () => {
    const first = await trunk(orgId, { inboundTrunkId: 'ST_in123', outboundTrunkId: 'ST_out456', dispatchRuleId: 'SDR_abc' });
    const second = await trunk(orgId, { provider: 'simulator' });
    expect(first).toMatchObject({ orgId, name: 'Main Trunk', provider: 'twilio', inboundTrunkId: 'ST_in123', dispatchRuleId: 'SDR_abc' });
    expect(second).toMatchObject({ provider: 'simulator', inboundTrunkId: null });

    const listed = await rpc(rpcSubjects.dialerSipTrunkList, { orgId });
    expect(listed.trunks.map((t) => t.id).slice(0, 2)).toEqual([first.id, second.id]);

    const patched = await rpc(rpcSubjects.dialerSipTrunkUpdate, { orgId, trunkId: first.id, changes: { name: 'Renamed' } });
    expect(patched).toMatchObject({ id: first.id, name: 'Renamed', outboundTrunkId: 'ST_out456' });

    const other = randomUUID();
    await expect(rpc(rpcSubjects.dialerSipTrunkList, { orgId: other })).resolves.toEqual({ trunks: [] });
    for (const attempt of [
      rpc(rpcSubjects.dialerSipTrunkUpdate, { orgId: other, trunkId: first.id, changes: { name: 'x' } }),
      rpc(rpcSubjects.dialerSipTrunkDelete, { orgId: other, trunkId: first.id }),
      rpc(rpcSubjects.dialerSipTrunkDelete, { orgId, trunkId: 'not-a-uuid' }),
    ]) {
      expect(await failure(attempt)).toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(rpc(rpcSubjects.dialerSipTrunkDelete, { orgId, trunkId: second.id })).resolves.toEqual({ id: second.id, deleted: true });
    expect(await failure(trunk(orgId, { phoneNumber: first.phoneNumber }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps the plan quota of configs even when creates race, and one config per number', async () => {
    const org = randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => config({}, org, 3)));
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as BusError);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(rejected.map((err) => err.code)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect((await rpc(rpcSubjects.dialerSipConfigList, { orgId: org })).configs).toHaveLength(3);

    const taken = await config();
    expect(await failure(config({ phoneNumber: taken.phoneNumber }, randomUUID()))).toMatchObject({ code: 'CONFLICT' });
  });

  it('patches and deletes a config only for its organization', async () => {
    const created = await config({ dtmfEnabled: false, maxCallDuration: 900 });
    expect(created).toMatchObject({ agentId, dtmfEnabled: false, maxCallDuration: 900 });
    const patched = await rpc(rpcSubjects.dialerSipConfigUpdate, { orgId, configId: created.id, changes: { dtmfEnabled: true } });
    expect(patched).toMatchObject({ dtmfEnabled: true, maxCallDuration: 900, name: 'Inbound Line' });
    const other = { orgId: randomUUID(), configId: created.id };
    expect(await failure(rpc(rpcSubjects.dialerSipConfigUpdate, { ...other, changes: { name: 'x' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(rpc(rpcSubjects.dialerSipConfigDelete, other))).toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc(rpcSubjects.dialerSipConfigDelete, { orgId, configId: created.id })).resolves.toEqual({ id: created.id, deleted: true });
  });

  it('refuses to dial without a trunk: INVALID_REQUEST "No SIP trunk configured"', async () => {
    const err = await failure(rpc(rpcSubjects.dialerSipDial, { orgId: randomUUID(), keyId, agentId, toNumber: '+17751234567' }));
    expect(err).toMatchObject({ code: 'INVALID_REQUEST', message: 'No SIP trunk configured' });
  });

  it('dials through the first trunk as a task executed at once, on the telephony provider', async () => {
    const org = randomUUID();
    const main = await trunk(org);
    await trunk(org);
    const dialed = h.provider.dials.length;
    const reply = await rpc(rpcSubjects.dialerSipDial, {
      orgId: org,
      keyId,
      agentId,
      toNumber: '+17751234567',
      roomName: 'sales',
      metadata: { customer_name: 'Ada' },
    });
    expect(reply).toMatchObject({ trunk: { id: main.id }, callerId: main.phoneNumber });
    expect(reply.roomName).toMatch(/^sales-[0-9a-f]{8}$/);
    await h.provider.dialed(dialed + 1);
    expect(h.provider.dials.map((d) => d.call)).toContainEqual(
      expect.objectContaining({ callId: reply.callId, taskId: reply.taskId, orgId: org, toNumber: '+17751234567' }),
    );
    const task = await rpc(rpcSubjects.dialerTaskGet, { orgId: org, taskId: reply.taskId });
    expect(task).toMatchObject({ status: 'in_progress', callId: reply.callId, contextData: { customer_name: 'Ada' } });
  });

  it("routes an inbound call to its number's agent; dial.admit admits its ticket once, with the number's settings", async () => {
    const line = await config({ dtmfEnabled: false, maxCallDuration: 1200 });
    const { ticket, hash } = newDialTicket();
    const announced = await rpc(rpcSubjects.dialerSipInbound, { to: line.phoneNumber, from: '+15550001111', ticketHash: hash });
    expect(announced).toMatchObject({ orgId, configId: line.id, agentId });
    expect(ticket).not.toContain(hash);

    const dialAdmit = new DialAdmitService(new DialTicketsRepository(h.db), h.bus, silentLogger, admission);
    const admitted = await dialAdmit.admit(hash);
    expect(admitted).toMatchObject({
      callId: announced.callId,
      orgId,
      keyId,
      direction: 'inbound',
      from: '+15550001111',
      to: line.phoneNumber,
      maxConcurrentCalls: 7,
      agent: { agentId, limits: { maxDurationSec: 1200 } },
    });
    expect(admitted?.agent.dtmfRules).toBeUndefined();
    await expect(admission.admit(hash)).resolves.toBeNull();
    expect(await failure(dialAdmit.admit(hash))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for a number no config maps, and never admits an expired ticket', async () => {
    const err = await failure(rpc(rpcSubjects.dialerSipInbound, { to: '+19999999999', ticketHash: newDialTicket().hash }));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });

    const line = await config();
    const { hash } = newDialTicket();
    const expired = new SipInboundService(new SipConfigsRepository(h.db), new SipInboundCallsRepository(h.db), { ...options, ticketTtlMs: -1 });
    await expired.announce({ to: line.phoneNumber, ticketHash: hash });
    await expect(admission.admit(hash)).resolves.toBeNull();
  });

  it("answers Twilio's voice webhook with a Media Streams TwiML whose ticket admits the call", async () => {
    const line = await config();
    const twiml = await twilio.answer({ to: line.phoneNumber, from: '+15550002222', callSid: 'CA123' });
    const match = /<Stream url="wss:\/\/voice\.example\.test\/telephony\/twilio\/dial\/([A-Za-z0-9_-]{43})">/.exec(twiml);
    expect(twiml).toMatch(/^<Response><Connect><Stream /);
    expect(match).not.toBeNull();
    const admitted = await admission.admit(hashDialTicket(match?.[1] ?? ''));
    expect(admitted).toMatchObject({ direction: 'inbound', to: line.phoneNumber, from: '+15550002222' });
    expect(twiml).toContain(`<Parameter name="callId" value="${admitted?.callId}"/>`);
  });

  it('answers a call to an unknown number with a polite Say and a Hangup', async () => {
    const twiml = await twilio.answer({ to: '+19990000000', from: '+15550003333' });
    expect(twiml).toMatch(/^<Response><Say>Sorry, this number is not in service\.[^<]*<\/Say><Hangup\/><\/Response>$/);
  });
});
