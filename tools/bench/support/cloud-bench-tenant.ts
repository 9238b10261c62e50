import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient as createAgentsClient } from '@parley/db-agents';
import { createPrismaClient as createBillingClient } from '@parley/db-billing';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import { DEMO_AGENT } from '../../dev/seed/demo-data';
import { readDemoEnv } from '../../dev/seed/demo-env';
import { ensureStartingBalance } from '../../dev/seed/seed-billing';
import { ensureDemoKey } from '../../dev/seed/seed-identity';
import type { BenchTarget } from './bench-tenant';
import { DATABASE_URL } from './infra-urls';

/**
 * The cloud bench's agent: the bench agent with Deepgram, OpenAI and ElevenLabs chosen, in an
 * organization of its own (so the embedded bench agent is left as it is).
 */
const ORG_NAME = 'Parley Bench Cloud';
const KEY_NAME = 'cloud bench voice key';
const CLOUD_AGENT = {
  ...DEMO_AGENT,
  name: 'Cloud Bench Agent',
  maxTurns: 100_000,
  maxDurationS: 24 * 3600,
  silenceTimeoutS: 120,
  sttProvider: 'deepgram',
  llmProvider: 'openai',
  llmModel: 'gpt-4o-mini',
  ttsProvider: 'elevenlabs',
  voice: '21m00Tcm4TlvDq8EACHZ',
  ttsModel: 'eleven_flash_v2_5',
  voiceSettings: { stability: 0.5, similarity_boost: 0.75 },
};

const root = path.resolve(__dirname, '../../..');
const envFile = path.join(root, '.parley', 'bench-cloud.env');
const demoEnvFile = path.join(root, '.parley', 'demo.env');

/** The cloud bench agent's voice URL (agent and key created on first use) on the demo's host. */
export async function cloudBenchTarget(): Promise<BenchTarget> {
  const identity = createIdentityClient(DATABASE_URL);
  const agents = createAgentsClient(DATABASE_URL);
  const billing = createBillingClient(DATABASE_URL);
  try {
    const orgId = await ensureOrganization(identity);
    const existing = await agents.agent.findFirst({ where: { orgId, name: CLOUD_AGENT.name }, orderBy: { createdAt: 'asc' } });
    const agentId = existing
      ? (await agents.agent.update({ where: { id: existing.id }, data: { ...CLOUD_AGENT, enabled: true } })).id
      : (await agents.agent.create({ data: { ...CLOUD_AGENT, orgId } })).id;
    const previous = (await readDemoEnv(envFile)).BENCH_CLOUD_VOICE_KEY;
    const key = await ensureDemoKey(identity, { orgId, agentId, name: KEY_NAME, previous });
    await ensureStartingBalance(billing, orgId);
    if (!key.reused) await saveKey(key.raw);
    return { voiceUrl: `${await voiceOrigin()}/voice/${key.raw}`, keyId: key.id };
  } finally {
    await Promise.all([identity.$disconnect(), agents.$disconnect(), billing.$disconnect()]);
  }
}

async function ensureOrganization(identity: IdentityClient): Promise<string> {
  const data = { name: ORG_NAME, plan: 'enterprise' as const, concurrentCallLimit: 200 };
  const existing = await identity.organization.findFirst({ where: { name: ORG_NAME }, orderBy: { createdAt: 'asc' } });
  if (!existing) return (await identity.organization.create({ data })).id;
  await identity.organization.update({ where: { id: existing.id }, data });
  return existing.id;
}

async function voiceOrigin(): Promise<string> {
  const demoUrl = process.env.PARLEY_VOICE_URL ?? (await readDemoEnv(demoEnvFile)).PARLEY_VOICE_URL;
  if (!demoUrl) return 'ws://127.0.0.1:3001';
  const { protocol, host } = new URL(demoUrl);
  return `${protocol}//${host}`;
}

/** Only the key's hash is stored, so the raw key is kept here (owner-readable) for the next run. */
async function saveKey(raw: string): Promise<void> {
  await mkdir(path.dirname(envFile), { recursive: true });
  const text = `# Written by tools/bench: the cloud bench agent's voice key (organization "${ORG_NAME}").\nBENCH_CLOUD_VOICE_KEY=${raw}\n`;
  await writeFile(envFile, text, { mode: 0o600 });
}
