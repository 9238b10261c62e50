import { type AgentsClient, createPrismaClient as createAgentsClient, slice as agentsSlice } from '@parley/db-agents';
import { type CallsClient, createPrismaClient as createCallsClient, slice as callsSlice } from '@parley/db-calls';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import { generateApiKey, storedKey } from '../../dev/seed/api-keys';
import type { LiveCalls } from './rest-live-lines';

/**
 * The REST bench's own organization, on the enterprise plan (1,000 requests a minute per key). One
 * key cannot carry thousands of requests a second under that limit, so the bench spreads its
 * requests over many keys of the organization: the rate limiter still runs on every request, as
 * in production, without ever answering 429.
 */
const ORG_NAME = 'Parley REST Bench';
const KEY_NAME = 'rest bench key';
const AGENTS = 5;
const CALLS = 60;

export interface RestBenchTenant extends LiveCalls {
  /** Raw keys, fresh for this run (raw keys cannot be read back from the database). */
  readonly keys: readonly string[];
}

/** Creates the organization, agents and calls on first use, and `keyCount` fresh keys every run. */
export async function seedRestBenchTenant(databaseUrl: string, keyCount: number): Promise<RestBenchTenant> {
  const identity = createIdentityClient(databaseUrl);
  const agents = createAgentsClient(databaseUrl);
  const calls = createCallsClient(databaseUrl);
  try {
    const orgId = await ensureOrganization(identity);
    const agentIds = await ensureAgents(agents, orgId);
    await ensureCalls(calls, orgId, agentIds);
    const keys = await freshKeys(identity, orgId, keyCount);
    // Fresh rows have no planner statistics until autovacuum's next round (up to a minute):
    // without them Postgres plans the list statements for empty tables, as production never would.
    await agents.$executeRawUnsafe(`ANALYZE "${agentsSlice.schema}"."agents"`);
    await calls.$executeRawUnsafe(`ANALYZE "${callsSlice.schema}"."calls", "${callsSlice.schema}"."transcript_entries"`);
    const rows = await calls.call.findMany({ where: { orgId }, select: { id: true } });
    return { orgId, keys, callIds: rows.map((row) => row.id) };
  } finally {
    await Promise.all([identity.$disconnect(), agents.$disconnect(), calls.$disconnect()]);
  }
}

async function ensureOrganization(identity: IdentityClient): Promise<string> {
  const existing = await identity.organization.findFirst({ where: { name: ORG_NAME }, orderBy: { createdAt: 'asc' } });
  if (existing) return existing.id;
  return (await identity.organization.create({ data: { name: ORG_NAME, plan: 'enterprise' } })).id;
}

/** The previous run's keys are deleted, not revoked, so the table does not grow run after run. */
async function freshKeys(identity: IdentityClient, orgId: string, count: number): Promise<string[]> {
  await identity.apiKey.deleteMany({ where: { orgId, name: KEY_NAME } });
  const keys = Array.from({ length: count }, () => generateApiKey());
  await identity.apiKey.createMany({ data: keys.map((raw) => ({ orgId, name: KEY_NAME, ...storedKey(raw) })) });
  return keys;
}

async function ensureAgents(agents: AgentsClient, orgId: string): Promise<string[]> {
  const existing = await agents.agent.findMany({ where: { orgId }, select: { id: true } });
  for (let i = existing.length; i < AGENTS; i++) {
    const agent = await agents.agent.create({
      data: {
        orgId,
        name: `Bench Agent ${i + 1}`,
        description: 'Answers the REST bench',
        systemPrompt: 'You are a helpful customer service agent. Keep answers short.',
        startingMessage: 'Hello! How can I help you today?',
        voiceSettings: { stability: 0.5, similarity_boost: 0.75 },
        knowledgeText: 'Hours: 9 to 5, Monday to Friday.\nReturns: within 30 days with a receipt.',
        faq: [{ question: 'Do you ship abroad?', answer: 'Yes, to most countries.' }],
        tools: [{ name: 'lookup_order', description: 'Find an order', parameters: { type: 'object', properties: {} } }],
      },
    });
    existing.push({ id: agent.id });
  }
  return existing.map((agent) => agent.id);
}

async function ensureCalls(calls: CallsClient, orgId: string, agentIds: readonly string[]): Promise<void> {
  const have = await calls.call.count({ where: { orgId } });
  const startedAt = Date.now() - 24 * 3600 * 1000;
  const data = Array.from({ length: Math.max(0, CALLS - have) }, (_, i) => ({
    orgId,
    agentId: agentIds[i % agentIds.length],
    direction: 'inbound' as const,
    status: 'completed' as const,
    endReason: 'hangup',
    startedAt: new Date(startedAt + i * 60_000),
    endedAt: new Date(startedAt + i * 60_000 + 45_000),
    durationMs: 45_000,
    turns: 6,
  }));
  if (data.length > 0) await calls.call.createMany({ data });
  // Earlier runs' live lines go, so every run starts from the same calls.
  await calls.transcriptEntry.deleteMany({ where: { call: { orgId } } });
  await calls.call.updateMany({ where: { orgId }, data: { messageCount: 0 } });
}
