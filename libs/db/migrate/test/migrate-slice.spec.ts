import { createHash } from 'node:crypto';
import { readFile, rm, writeFile, mkdir, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { dropDatabase, migrateAll, migrateSlice, MigrationError } from '../src';
import { copyFixture, fixtureSlice, freshDatabaseUrl, query } from './support/databases';

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

describe('migrateSlice', () => {
  let url: string;
  let dir: string;

  beforeEach(async () => {
    url = freshDatabaseUrl();
    dir = await copyFixture('notes');
  });

  afterEach(async () => {
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the database and the schema, then applies every migration in name order', async () => {
    const result = await migrateSlice(url, fixtureSlice(dir, 'notes'));

    expect(result).toEqual({ slice: 'notes', applied: ['20250101000000_init', '20250102000000_add_tags'] });
    const columns = await query<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'notes' AND table_name = 'notes' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['id', 'body', 'kind', 'tags']);
  });

  it('records each migration as Prisma does: sha256 checksum, finished, one step, no logs', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));

    const rows = await query<MigrationRow>(url, 'SELECT * FROM notes._prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(['20250101000000_init', '20250102000000_add_tags']);
    for (const row of rows) {
      const bytes = await readFile(path.join(dir, 'migrations', row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it('applies nothing when run again', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));

    expect(await migrateSlice(url, fixtureSlice(dir, 'notes'))).toEqual({ slice: 'notes', applied: [] });
    expect(await query(url, 'SELECT 1 FROM notes._prisma_migrations')).toHaveLength(2);
  });

  it('applies only a migration added since the last run', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));
    await mkdir(path.join(dir, 'migrations', '20250103000000_pinned'));
    await writeFile(
      path.join(dir, 'migrations', '20250103000000_pinned', 'migration.sql'),
      'ALTER TABLE "notes" ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false;\n',
    );

    const result = await migrateSlice(url, fixtureSlice(dir, 'notes'));

    expect(result.applied).toEqual(['20250103000000_pinned']);
  });

  it('runs a script as a whole, so semicolons inside a function body or a string survive', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));

    await query(url, `INSERT INTO notes.notes DEFAULT VALUES`);
    const [row] = await query<{ body: string; greeting: string }>(
      url,
      'SELECT body, notes.note_greeting() AS greeting FROM notes.notes',
    );
    expect(row).toEqual({ body: 'a; b', greeting: 'hello; world' });
  });

  it('keeps slices apart: the same migrations land in two schemas with their own history', async () => {
    const results = await migrateAll(url, [fixtureSlice(dir, 'first'), fixtureSlice(dir, 'second')]);

    expect(results.map((result) => result.applied.length)).toEqual([2, 2]);
    expect(await query(url, 'SELECT 1 FROM first._prisma_migrations')).toHaveLength(2);
    expect(await query(url, 'SELECT 1 FROM second.notes')).toHaveLength(0);
  });

  it('refuses a migration edited after it was applied', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));
    await appendFile(path.join(dir, 'migrations', '20250101000000_init', 'migration.sql'), '-- edited\n');

    await expect(migrateSlice(url, fixtureSlice(dir, 'notes'))).rejects.toThrow(
      /notes\/20250101000000_init\] was edited after it was applied/,
    );
  });

  it('refuses to go on past a migration Prisma recorded as failed', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'notes'));
    await query(
      url,
      `INSERT INTO notes._prisma_migrations (id, checksum, migration_name, logs)
       VALUES (gen_random_uuid()::text, 'x', '20250104000000_half_done', 'boom')`,
    );

    const attempt = migrateSlice(url, fixtureSlice(dir, 'notes'));

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/20250104000000_half_done\] is recorded as failed/);
  });
});

describe('migrateSlice with a failing migration', () => {
  let url: string;
  let dir: string;

  beforeEach(async () => {
    url = freshDatabaseUrl();
    dir = await copyFixture('broken');
  });

  afterEach(async () => {
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls the failing migration back entirely and records only what succeeded', async () => {
    const attempt = migrateSlice(url, fixtureSlice(dir, 'broken'));

    await expect(attempt).rejects.toThrow(
      /\[broken\/20250102000000_broken\] failed and was rolled back: relation "no_such_table" does not exist/,
    );
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'broken' ORDER BY table_name`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(['_prisma_migrations', 'notes']);
    const rows = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM broken._prisma_migrations');
    expect(rows).toEqual([{ migration_name: '20250101000000_init' }]);
  });

  it('applies the repaired migration on the next run', async () => {
    await migrateSlice(url, fixtureSlice(dir, 'broken')).catch(() => undefined);
    await writeFile(path.join(dir, 'migrations', '20250102000000_broken', 'migration.sql'), 'CREATE TABLE "fixed" ("id" INTEGER);\n');

    expect((await migrateSlice(url, fixtureSlice(dir, 'broken'))).applied).toEqual(['20250102000000_broken']);
  });
});
