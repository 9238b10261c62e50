import type { SipConfig, SipConfigFields, SipProvider, SipTrunk, SipTrunkFields } from '@parley/contracts';
import type { SipConfig as SipConfigRow, SipTrunk as SipTrunkRow } from '@parley/db-dialer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; anything else names no row (NOT_FOUND, not a database error). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function toSipTrunk(row: SipTrunkRow): SipTrunk {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    phoneNumber: row.phoneNumber,
    inboundTrunkId: row.inboundTrunkId,
    outboundTrunkId: row.outboundTrunkId,
    dispatchRuleId: row.dispatchRuleId,
    provider: row.provider as SipProvider,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toSipConfig(row: SipConfigRow): SipConfig {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    phoneNumber: row.phoneNumber,
    agentId: row.agentId,
    dtmfEnabled: row.dtmfEnabled,
    maxCallDuration: row.maxCallDuration,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Only the fields the request names, so a patch leaves the others alone. */
export function definedFields<T extends Partial<SipTrunkFields> | Partial<SipConfigFields>>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
