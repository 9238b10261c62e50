// npm run seed: the demo organization, user, agent, keys and balance, written idempotently into
// DATABASE_URL; the keys land in .parley/demo.env. PARLEY_DEMO_PASSWORD sets the demo user's password.
import path from 'node:path';
import { redactUrl } from '@parley/db-migrate';
import { maskKey } from './seed/api-keys';
import { DEMO_AGENT, DEMO_ORG_NAME } from './seed/demo-data';
import { seedDemo, type DemoKey } from './seed/seed-demo';

const databaseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/parley';
const password = process.env.PARLEY_DEMO_PASSWORD || 'parley-demo';
const envFile = path.resolve(__dirname, '../../.parley/demo.env');

const describeKey = (key: DemoKey) => `${maskKey(key.raw)} (${key.reused ? 'kept' : 'new'})`;

async function main(): Promise<void> {
  const result = await seedDemo({ databaseUrl, password, envFile });
  const { balancePoints, credited } = result.balance;
  console.log(
    [
      `demo data ready in ${redactUrl(databaseUrl)}`,
      `  organization  ${DEMO_ORG_NAME} (pro)  ${result.orgId}`,
      `  user          ${result.userEmail}  (password from PARLEY_DEMO_PASSWORD, default parley-demo)`,
      `  agent         ${DEMO_AGENT.name}  ${result.agentId}`,
      `  voice key     ${describeKey(result.voiceKey)}`,
      `  api key       ${describeKey(result.apiKey)}`,
      `  balance       ${balancePoints} points${credited ? ' (starting credit granted now)' : ''}`,
      `  keys and URLs in ${path.relative(process.cwd(), envFile)}`,
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
