import { dropDatabase } from '../src';
import { freshDatabaseUrl, query } from './support/databases';
import { runNode } from './support/repo';

// What `npm run db:migrate` must leave behind: every slice's schema with its tables.
const EXPECTED_TABLES: Record<string, string[]> = {
  agents: ['_prisma_migrations', 'agents'],
  billing: ['_prisma_migrations', 'accounts', 'call_meters', 'ledger_entries', 'usage_events'],
  calls: ['_prisma_migrations', 'calls', 'recordings', 'transcript_entries'],
  dialer: ['_prisma_migrations', 'call_answers', 'call_lines', 'call_reports', 'org_limits', 'sip_configs', 'sip_inbound_calls', 'sip_trunks', 'tasks'],
  identity: ['_prisma_migrations', 'api_keys', 'memberships', 'organizations', 'users'],
  knowledge: ['_prisma_migrations', 'chunks', 'indexing_jobs', 'knowledge_bases'],
  webhooks: ['_prisma_migrations', 'deliveries', 'endpoints', 'org_signing_keys'],
};

describe('node tools/db/migrate.mjs deploy', () => {
  const url = freshDatabaseUrl();
  const deploy = () => runNode(['tools/db/migrate.mjs', 'deploy'], { DATABASE_URL: url });

  afterAll(() => dropDatabase(url));

  it('creates the database and every slice schema with its tables', async () => {
    const output = await deploy();

    for (const slice of Object.keys(EXPECTED_TABLES)) expect(output).toMatch(new RegExp(`${slice} +applied \\d{14}_init`));
    const tables = await query<{ table_schema: string; table_name: string }>(
      url,
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema = ANY($1) ORDER BY table_schema, table_name`,
      [Object.keys(EXPECTED_TABLES)],
    );
    const found: Record<string, string[]> = {};
    for (const { table_schema, table_name } of tables) (found[table_schema] ??= []).push(table_name);
    expect(found).toEqual(EXPECTED_TABLES);
  });

  it('reports every slice up to date on a second run', async () => {
    const output = await deploy();

    expect(output.match(/up to date/g)).toHaveLength(Object.keys(EXPECTED_TABLES).length);
  });
});
