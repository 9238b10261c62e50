import type { SipConfig, SipConfigFields, SipDialReply, SipTrunk, SipTrunkFields } from '@parley/contracts';
import type { SipConfigCreateBody, SipConfigPatchBody, SipTrunkCreateBody, SipTrunkPatchBody } from './sip-body.schema';
import type { SipConfigView, SipDialView, SipTrunkView } from './sip-view.schema';

export function toSipTrunkView(trunk: SipTrunk): SipTrunkView {
  return {
    id: trunk.id,
    name: trunk.name,
    phone_number: trunk.phoneNumber,
    inbound_trunk_id: trunk.inboundTrunkId,
    outbound_trunk_id: trunk.outboundTrunkId,
    dispatch_rule_id: trunk.dispatchRuleId,
    provider: trunk.provider,
    created_at: trunk.createdAt,
  };
}

export function toSipConfigView(config: SipConfig, agentName: string | null): SipConfigView {
  return {
    id: config.id,
    name: config.name,
    phone_number: config.phoneNumber,
    agent_config_id: config.agentId,
    agent_name: agentName,
    dtmf_enabled: config.dtmfEnabled,
    max_call_duration: config.maxCallDuration,
    created_at: config.createdAt,
  };
}

export function toSipDialView(reply: SipDialReply, agentId: string, toNumber: string): SipDialView {
  return {
    call: {
      room_name: reply.roomName,
      full_room_name: `${reply.trunk.orgId}_${reply.roomName}`,
      phone_number: toNumber,
      caller_id: reply.callerId,
      trunk_id: reply.trunk.outboundTrunkId ?? reply.trunk.id,
      session_id: reply.callId,
      sip_participant_id: reply.callId,
      task_id: reply.taskId,
      agent_config_id: agentId,
      status: 'dialing',
    },
  };
}

export function toSipTrunkFields(body: SipTrunkCreateBody): SipTrunkFields;
export function toSipTrunkFields(body: SipTrunkPatchBody): Partial<SipTrunkFields>;
export function toSipTrunkFields(body: SipTrunkPatchBody): Partial<SipTrunkFields> {
  return defined({
    name: body.name,
    phoneNumber: body.phone_number,
    inboundTrunkId: body.inbound_trunk_id,
    outboundTrunkId: body.outbound_trunk_id,
    dispatchRuleId: body.dispatch_rule_id,
    provider: body.provider,
  });
}

export function toSipConfigFields(body: SipConfigCreateBody): SipConfigFields;
export function toSipConfigFields(body: SipConfigPatchBody): Partial<SipConfigFields>;
export function toSipConfigFields(body: SipConfigPatchBody): Partial<SipConfigFields> {
  return defined({
    name: body.name,
    phoneNumber: body.phone_number,
    agentId: body.agent_config_id,
    dtmfEnabled: body.dtmf_enabled,
    maxCallDuration: body.max_call_duration,
  });
}

function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
