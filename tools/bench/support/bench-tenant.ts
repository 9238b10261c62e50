import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient as createAgentsClient, type AgentsClient } from '@parley/db-agents';
import { createPrismaClient as createBillingClient } from '@parley/db-billing';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import { storedKey } from '../../dev/seed/api-keys';
import { DEMO_AGENT } from '../../dev/seed/demo-data';
import { readDemoEnv } from '../../dev/seed/demo-env';
import { ensureStartingBalance } from '../../dev/seed/seed-billing';
import { ensureDemoKey } from '../../dev/seed/seed-identity';
import { DATABASE_URL } from './infra-urls';

/**
 * The benches call an agent of their own, in an organization of their own, because the demo's
 * defaults stop a bench early: the demo organization may hold 5 concurrent calls (10 are asked
 * for), and the demo agent ends a call after 20 turns or 30 minutes. The bench agent says and
 * knows exactly what the demo agent does, so the figures are the demo's; only the limits differ.
 */
const BENCH_ORG_NAME = 'Parley Bench';
const BENCH_KEY_NAME = 'bench voice key';
const BENCH_AGENT = {
  ...DEMO_AGENT,
  name: 'Bench Agent',
  maxTurns: 100_000,
  maxDurationS: 24 * 3600,
  silenceTimeoutS: 120,
};
const CONCURRENT_CALL_LIMIT = 200;

const root = path.resolve(__dirname, '../../..');
const benchEnvFile = path.join(root, '.parley', 'bench.env');
const demoEnvFile = path.join(root, '.parley', 'demo.env');

export interface BenchTarget {
  readonly voiceUrl: string;
  /** The key's id, to tell this bench's calls apart on the bus; undefined for an unknown key. */
  readonly keyId: string | undefined;
}

/** `--url` as given, else the bench agent's key (created on first use) on the demo's host. */
export async function benchTarget(url: string | undefined): Promise<BenchTarget> {
  const identity = createIdentityClient(DATABASE_URL);
  try {
    if (url) return { voiceUrl: url, keyId: await keyIdOf(identity, url) };
    const key = await ensureBenchKey(identity);
    return { voiceUrl: `${await voiceOrigin()}/voice/${key.raw}`, keyId: key.id };
  } finally {
    await identity.$disconnect();
  }
}

async function keyIdOf(identity: IdentityClient, url: string): Promise<string | undefined> {
  const raw = new URL(url).pathname.split('/').pop() ?? '';
  return (await identity.apiKey.findUnique({ where: { hash: storedKey(raw).hash } }))?.id;
}

/** Host and port of the demo's voice URL (what `npm start` serves), else the default gateway port. */
async function voiceOrigin(): Promise<string> {
  const demoUrl = process.env.PARLEY_VOICE_URL ?? (await readDemoEnv(demoEnvFile)).PARLEY_VOICE_URL;
  if (!demoUrl) return 'ws://127.0.0.1:3001';
  const { protocol, host } = new URL(demoUrl);
  return `${protocol}//${host}`;
}

async function ensureBenchKey(identity: IdentityClient): Promise<{ raw: string; id: string }> {
  const agents = createAgentsClient(DATABASE_URL);
  const billing = createBillingClient(DATABASE_URL);
  try {
    const orgId = await ensureBenchOrganization(identity);
    const agentId = await ensureBenchAgent(agents, orgId);
    const previous = (await readDemoEnv(benchEnvFile)).BENCH_VOICE_KEY;
    const key = await ensureDemoKey(identity, { orgId, agentId, name: BENCH_KEY_NAME, previous });
    await ensureStartingBalance(billing, orgId);
    if (!key.reused) await saveBenchKey(key.raw);
    return key;
  } finally {
    await Promise.all([agents.$disconnect(), billing.$disconnect()]);
  }
}

async function ensureBenchOrganization(identity: IdentityClient): Promise<string> {
  const data = { name: BENCH_ORG_NAME, plan: 'enterprise' as const, concurrentCallLimit: CONCURRENT_CALL_LIMIT };
  const existing = await identity.organization.findFirst({ where: { name: BENCH_ORG_NAME }, orderBy: { createdAt: 'asc' } });
  if (!existing) return (await identity.organization.create({ data })).id;
  await identity.organization.update({ where: { id: existing.id }, data });
  return existing.id;
}

async function ensureBenchAgent(agents: AgentsClient, orgId: string): Promise<string> {
  const existing = await agents.agent.findFirst({ where: { orgId, name: BENCH_AGENT.name }, orderBy: { createdAt: 'asc' } });
  if (!existing) return (await agents.agent.create({ data: { ...BENCH_AGENT, orgId } })).id;
  await agents.agent.update({ where: { id: existing.id }, data: { ...BENCH_AGENT, enabled: true } });
  return existing.id;
}

/** Only the key's hash is stored, so the raw key is kept here (owner-readable) for the next run. */
async function saveBenchKey(raw: string): Promise<void> {
  await mkdir(path.dirname(benchEnvFile), { recursive: true });
  const text = `# Written by tools/bench: the bench agent's voice key (organization "${BENCH_ORG_NAME}").\nBENCH_VOICE_KEY=${raw}\n`;
  await writeFile(benchEnvFile, text, { mode: 0o600 });
}
