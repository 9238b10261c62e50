import { createHash, randomBytes } from 'node:crypto';
import type { AgentsClient } from '@parley/db-agents';
import type { BillingClient } from '@parley/db-billing';
import type { IdentityClient } from '@parley/db-identity';

export interface SliceClients {
  readonly identity: IdentityClient;
  readonly agents: AgentsClient;
  readonly billing: BillingClient;
}

export interface SeededKey {
  readonly raw: string;
  readonly id: string;
  readonly hash: string;
  readonly orgId: string;
}

/** A fresh `sk_live_` key: 64 letters and digits. */
export function rawKey(): string {
  return `sk_live_${randomBytes(64).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(64, 'x').slice(0, 64)}`;
}

/** Rows straight into the slices, as rest-api and billing would have written them. */
export class SeedRows {
  constructor(private readonly db: SliceClients) {}

  async org(options: { concurrentCallLimit?: number; points?: number } = {}): Promise<string> {
    const org = await this.db.identity.organization.create({
      data: { name: 'Acme', plan: 'pro', concurrentCallLimit: options.concurrentCallLimit ?? 10 },
    });
    await this.db.billing.account.create({ data: { orgId: org.id, balancePoints: BigInt(options.points ?? 1000) } });
    return org.id;
  }

  async agent(orgId: string): Promise<string> {
    const agent = await this.db.agents.agent.create({
      data: { orgId, name: 'Support', systemPrompt: 'Be brief.', startingMessage: 'Hello!' },
    });
    return agent.id;
  }

  async key(orgId: string, agentId: string | null, status: 'active' | 'revoked' = 'active'): Promise<SeededKey> {
    const raw = rawKey();
    const hash = createHash('sha256').update(raw).digest('hex');
    const key = await this.db.identity.apiKey.create({
      data: { orgId, agentId, status, name: 'voice', prefix: raw.slice(0, 12), lastFour: raw.slice(-4), hash },
    });
    return { raw, id: key.id, hash, orgId };
  }

  /** An org with balance, an agent and an active key bound to it: the happy path. */
  async boundKey(options: { concurrentCallLimit?: number; points?: number } = {}): Promise<SeededKey> {
    const orgId = await this.org(options);
    return this.key(orgId, await this.agent(orgId));
  }
}
