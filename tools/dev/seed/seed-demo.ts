import { createPrismaClient as createAgentsClient, slice as agentsSlice } from '@parley/db-agents';
import { createPrismaClient as createBillingClient, slice as billingSlice } from '@parley/db-billing';
import { createPrismaClient as createIdentityClient, slice as identitySlice } from '@parley/db-identity';
import { migrateAll } from '@parley/db-migrate';
import { API_KEY_NAME, DEMO_USER_EMAIL, VOICE_KEY_NAME } from './demo-data';
import { readDemoEnv, writeDemoEnv } from './demo-env';
import { ensureDemoAgent } from './seed-agent';
import { ensureStartingBalance, type StartingBalance } from './seed-billing';
import { ensureDemoKey, ensureDemoOrganization } from './seed-identity';

export interface SeedOptions {
  readonly databaseUrl: string;
  readonly password: string;
  /** Where the keys go, e.g. `.parley/demo.env`; also where the previous seed's keys are read. */
  readonly envFile: string;
}

export interface DemoKey {
  readonly raw: string;
  readonly id: string;
  readonly reused: boolean;
}

export interface SeedResult {
  readonly orgId: string;
  readonly userEmail: string;
  readonly agentId: string;
  readonly voiceKey: DemoKey;
  readonly apiKey: DemoKey;
  readonly balance: StartingBalance;
}

/** Makes the demo organization, user, agent, keys and balance exist; safe to run any number of times. */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const { databaseUrl, password, envFile } = options;
  await migrateAll(databaseUrl, [identitySlice, agentsSlice, billingSlice]);
  const identity = createIdentityClient(databaseUrl);
  const agents = createAgentsClient(databaseUrl);
  const billing = createBillingClient(databaseUrl);
  try {
    const orgId = await ensureDemoOrganization(identity, password);
    const agentId = await ensureDemoAgent(agents, orgId);
    const previous = await readDemoEnv(envFile);
    const voiceKey = await ensureDemoKey(identity, {
      orgId,
      agentId,
      name: VOICE_KEY_NAME,
      previous: previous.PARLEY_VOICE_KEY,
    });
    const apiKey = await ensureDemoKey(identity, {
      orgId,
      agentId: null,
      name: API_KEY_NAME,
      previous: previous.PARLEY_API_KEY,
    });
    const balance = await ensureStartingBalance(billing, orgId);
    await writeDemoEnv(envFile, {
      PARLEY_VOICE_KEY: voiceKey.raw,
      PARLEY_API_KEY: apiKey.raw,
      PARLEY_VOICE_URL: `ws://127.0.0.1:3001/voice/${voiceKey.raw}`,
      PARLEY_API_URL: 'http://127.0.0.1:3000/api/v1',
    });
    return { orgId, userEmail: DEMO_USER_EMAIL, agentId, voiceKey, apiKey, balance };
  } finally {
    await Promise.all([identity.$disconnect(), agents.$disconnect(), billing.$disconnect()]);
  }
}
