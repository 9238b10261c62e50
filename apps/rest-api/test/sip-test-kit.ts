import { randomUUID } from 'node:crypto';
import type { Bus } from '@parley/bus';
import { BusError } from '@parley/bus';
import { type RpcRequest, type RpcSubject, rpcSubjects, type SipConfig, type SipTrunk } from '@parley/contracts';

type SipRpc = Extract<RpcSubject, `dialer.v1.rpc.sip${string}`>;

/**
 * Plays the dialer's side of the SIP RPCs on the bus, in memory: NOT_FOUND for another
 * organization's record, QUOTA_EXCEEDED past `maxConfigs`, INVALID_REQUEST when dialing with no
 * trunk. rest-api may not import the dialer; the real handlers have their own spec
 * (apps/dialer/test/sip.spec.ts).
 */
export class FakeSipDialer {
  readonly requests: { subject: SipRpc; request: RpcRequest<SipRpc> }[] = [];
  private readonly trunks = new Map<string, SipTrunk>();
  private readonly configs = new Map<string, SipConfig>();

  constructor(bus: Bus) {
    const serve = <S extends SipRpc>(subject: S, answer: (r: RpcRequest<S>) => unknown) =>
      bus.serve(subject, (r) => {
        this.requests.push({ subject, request: r });
        return Promise.resolve(answer(r)) as never;
      });
    serve(rpcSubjects.dialerSipTrunkCreate, (r) => this.put(this.trunks, { provider: 'twilio', inboundTrunkId: null, outboundTrunkId: null, dispatchRuleId: null, ...r.fields, id: randomUUID(), orgId: r.orgId, createdAt: new Date().toISOString() }));
    serve(rpcSubjects.dialerSipTrunkList, (r) => ({ trunks: this.of(this.trunks, r.orgId) }));
    serve(rpcSubjects.dialerSipTrunkUpdate, (r) => this.put(this.trunks, { ...this.own(this.trunks, r.orgId, r.trunkId), ...r.changes }));
    serve(rpcSubjects.dialerSipTrunkDelete, (r) => this.remove(this.trunks, r.orgId, r.trunkId));
    serve(rpcSubjects.dialerSipConfigCreate, (r) => {
      if (this.of(this.configs, r.orgId).length >= r.maxConfigs) throw new BusError('QUOTA_EXCEEDED', 'full');
      return this.put(this.configs, { dtmfEnabled: true, maxCallDuration: 1800, ...r.fields, id: randomUUID(), orgId: r.orgId, createdAt: new Date().toISOString() });
    });
    serve(rpcSubjects.dialerSipConfigList, (r) => ({ configs: this.of(this.configs, r.orgId) }));
    serve(rpcSubjects.dialerSipConfigUpdate, (r) => this.put(this.configs, { ...this.own(this.configs, r.orgId, r.configId), ...r.changes }));
    serve(rpcSubjects.dialerSipConfigDelete, (r) => this.remove(this.configs, r.orgId, r.configId));
    serve(rpcSubjects.dialerSipDial, (r) => {
      const trunk = this.of(this.trunks, r.orgId)[0];
      if (!trunk) throw new BusError('INVALID_REQUEST', 'No SIP trunk configured');
      return { callId: randomUUID(), taskId: randomUUID(), trunk, callerId: r.callerId ?? trunk.phoneNumber, roomName: `${r.roomName ?? 'outbound-call'}-0a1b2c3d` };
    });
  }

  last<S extends SipRpc>(subject: S): RpcRequest<S> | undefined {
    return this.requests.filter((entry) => entry.subject === subject).at(-1)?.request as RpcRequest<S> | undefined;
  }

  private put<T extends { id: string }>(map: Map<string, T>, record: T): T {
    map.set(record.id, record);
    return record;
  }

  private of<T extends { orgId: string }>(map: Map<string, T>, orgId: string): T[] {
    return [...map.values()].filter((record) => record.orgId === orgId);
  }

  private own<T extends { orgId: string }>(map: Map<string, T>, orgId: string, id: string): T {
    const record = map.get(id);
    if (!record || record.orgId !== orgId) throw new BusError('NOT_FOUND', 'not found');
    return record;
  }

  private remove<T extends { orgId: string }>(map: Map<string, T>, orgId: string, id: string) {
    this.own(map, orgId, id);
    map.delete(id);
    return { id, deleted: true as const };
  }
}
