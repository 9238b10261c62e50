import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { dropDatabase, migrateSlice, type CreateMigrationOptions } from '../src';
import { copyFixture, fixtureSlice, freshDatabaseUrl, query } from './support/databases';
import { runNode } from './support/repo';

async function createMigrationInChild(options: CreateMigrationOptions): Promise<{ name?: string; script?: string }> {
  const stdout = await runNode([
    '-r',
    '@swc-node/register',
    path.join(__dirname, 'support/run-create-migration.ts'),
    JSON.stringify(options),
  ]);
  return JSON.parse(stdout);
}

describe('createMigration (wasm schema engine)', () => {
  let url: string;
  let dir: string;

  beforeEach(async () => {
    url = freshDatabaseUrl();
    dir = await copyFixture('notes');
    await migrateSlice(url, fixtureSlice(dir, 'notes'));
  });

  const pinnedOptions = (): CreateMigrationOptions => ({
    databaseUrl: url,
    slice: fixtureSlice(dir, 'notes'),
    schemaPath: path.join(dir, 'schema.prisma'),
    name: 'pinned',
  });

  afterEach(async () => {
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the difference between the migrations and schema.prisma as a new Prisma migration', async () => {
    const options = pinnedOptions();

    const created = await createMigrationInChild(options);

    expect(created.name).toMatch(/^\d{14}_pinned$/);
    const script = await readFile(path.join(dir, 'migrations', String(created.name), 'migration.sql'), 'utf8');
    expect(script).toContain('ALTER TABLE "notes" ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;');
    expect((await migrateSlice(url, options.slice)).applied).toEqual([created.name]);
    const [row] = await query<{ pinned: boolean }>(url, 'INSERT INTO notes.notes DEFAULT VALUES RETURNING pinned');
    expect(row.pinned).toBe(false);
  });

  it('writes nothing when schema.prisma already matches the migrations', async () => {
    const options = pinnedOptions();
    const first = await createMigrationInChild(options);
    await migrateSlice(url, options.slice);

    const second = await createMigrationInChild({ ...options, name: 'again' });

    expect(second.name).toBeUndefined();
    expect((await readdir(path.join(dir, 'migrations'))).sort()).toEqual([
      '20250101000000_init',
      '20250102000000_add_tags',
      first.name,
      'migration_lock.toml',
    ]);
  });

  it('leaves no shadow database behind', async () => {
    const options = pinnedOptions();
    const before = await query(url, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`);

    await createMigrationInChild(options);

    expect(await query(url, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`)).toEqual(before);
  });
});
