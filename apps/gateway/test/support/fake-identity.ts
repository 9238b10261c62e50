import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Bus, BusError } from '@parley/bus';
import { type AgentConfig, type KeyResolveReply, rpcSubjects } from '@parley/contracts';

export interface FakeKey {
  readonly raw: string;
  readonly id: string;
  readonly hash: string;
  readonly orgId: string;
  readonly agentId: string | null;
}

export interface KeyOptions {
  readonly orgId?: string;
  readonly status?: 'active' | 'revoked';
  /** The bound agent; null for an unbound key; a fresh agent of the key's org when absent. */
  readonly agentId?: string | null;
  /** The organization's concurrent-call limit. */
  readonly limit?: number;
}

interface KeyRecord {
  readonly key: FakeKey;
  status: 'active' | 'revoked';
  readonly limit: number;
}

/** A fresh `sk_live_` key: 64 letters and digits. */
export function rawKey(): string {
  return `sk_live_${randomBytes(64).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(64, 'x').slice(0, 64)}`;
}

export function keyHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * Stands in for rest-api on `identity.v1.rpc.key.resolve`, answering from maps the test fills,
 * so the gateway's specs need neither rest-api's code nor its database. The contract, not
 * rest-api's implementation, is what it mirrors: unknown → KEY_NOT_FOUND, revoked → resolves.
 */
export class FakeIdentity {
  /** Key-resolve requests that reached this responder, i.e. missed the gateway's cache. */
  requests = 0;
  private readonly keys = new Map<string, KeyRecord>();
  private readonly agents = new Map<string, { readonly orgId: string }>();

  serve(bus: Bus): void {
    bus.serve(rpcSubjects.identityKeyResolve, (request) => {
      this.requests++;
      return this.resolve(request.keyHash);
    });
  }

  addAgent(orgId: string): string {
    const agentId = randomUUID();
    this.agents.set(agentId, { orgId });
    return agentId;
  }

  deleteAgent(agentId: string): void {
    this.agents.delete(agentId);
  }

  addKey(options: KeyOptions = {}): FakeKey {
    const orgId = options.orgId ?? randomUUID();
    const agentId = options.agentId === undefined ? this.addAgent(orgId) : options.agentId;
    const raw = rawKey();
    const key = { raw, id: randomUUID(), hash: keyHash(raw), orgId, agentId };
    this.keys.set(key.hash, { key, status: options.status ?? 'active', limit: options.limit ?? 10 });
    return key;
  }

  revoke(raw: string): void {
    const record = this.keys.get(keyHash(raw));
    if (!record) throw new Error('revoking a key the fake never issued');
    record.status = 'revoked';
  }

  /** Public so a spec can make one answer fail or stall. */
  async resolve(hash: string): Promise<KeyResolveReply> {
    const record = this.keys.get(hash);
    if (!record) throw new BusError('KEY_NOT_FOUND', 'no API key has this hash');
    const { key } = record;
    return {
      keyId: key.id,
      orgId: key.orgId,
      status: record.status,
      plan: 'pro',
      limits: { maxConcurrentCalls: record.limit, requestsPerMinute: 300 },
      agent: this.boundAgent(key),
    };
  }

  /** Null when unbound or the agent is gone, as the contract documents. */
  private boundAgent(key: FakeKey): AgentConfig | null {
    if (!key.agentId || this.agents.get(key.agentId)?.orgId !== key.orgId) return null;
    return testAgent(key.agentId);
  }
}

/** The agent a resolved test key is bound to; the upgrade path only passes it on. */
export function testAgent(agentId: string): AgentConfig {
  return {
    agentId,
    name: 'Support',
    language: 'en',
    greeting: 'Hello!',
    systemPrompt: 'Be brief.',
    voice: { provider: 'flite', voiceId: 'slt' },
    llm: { provider: 'local', model: 'default' },
    sttProvider: 'pocketsphinx',
    limits: { maxDurationSec: 60, maxTurns: 5, silenceTimeoutSec: 10 },
    knowledgeBaseIds: [],
  };
}
