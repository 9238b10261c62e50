import { Client } from 'pg';
import { quoteIdent } from './database-url';
import { ensureDatabase } from './ensure-database';
import { readMigrations, type MigrationFile } from './migration-files';
import { MigrationError } from './migration-error';
import {
  createMigrationsTable,
  readAppliedMigrations,
  recordMigrationFinished,
  recordMigrationStarted,
  type AppliedMigration,
} from './migrations-table';
import type { DbSlice } from './db-slice';

export interface SliceMigrationResult {
  readonly slice: string;
  /** Names of the migrations applied by this run, in order; empty when the schema was up to date. */
  readonly applied: string[];
}

// The advisory lock key Prisma's schema engine takes while migrating Postgres, so this runner and
// `prisma migrate deploy` never interleave on one database.
const PRISMA_ADVISORY_LOCK = 72707369;

/** Applies the slice's pending migrations, creating the database and the schema when missing. */
export async function migrateSlice(databaseUrl: string, slice: DbSlice): Promise<SliceMigrationResult> {
  const [result] = await migrateAll(databaseUrl, [slice]);
  return result;
}

/** Applies every slice's pending migrations, one slice after the other, on one connection. */
export async function migrateAll(databaseUrl: string, slices: readonly DbSlice[]): Promise<SliceMigrationResult[]> {
  await ensureDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    const results: SliceMigrationResult[] = [];
    for (const slice of slices) results.push(await applyPending(client, slice));
    return results;
  } finally {
    await client.end();
  }
}

async function applyPending(client: Client, slice: DbSlice): Promise<SliceMigrationResult> {
  const files = await readMigrations(slice.migrationsDir);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(slice.schema)}`);
  await createMigrationsTable(client, slice.schema);
  const pending = pendingMigrations(slice, files, await readAppliedMigrations(client, slice.schema));
  // Prisma writes migrations with unqualified names, resolved against the connection's schema.
  await client.query(`SET search_path TO ${quoteIdent(slice.schema)}`);
  for (const migration of pending) await applyOne(client, slice, migration);
  return { slice: slice.name, applied: pending.map((migration) => migration.name) };
}

/** The files not applied yet, after refusing the states Prisma would refuse too. */
function pendingMigrations(
  slice: DbSlice,
  files: readonly MigrationFile[],
  rows: readonly AppliedMigration[],
): MigrationFile[] {
  const live = rows.filter((row) => !row.rolledBack);
  const failed = live.find((row) => !row.finished);
  if (failed) {
    throw new MigrationError(
      slice.name,
      failed.name,
      'is recorded as failed in _prisma_migrations; repair the schema by hand, then mark it with ' +
        '`prisma migrate resolve --rolled-back` or `--applied` before migrating again',
    );
  }
  const applied = new Map(live.map((row) => [row.name, row.checksum]));
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationError(slice.name, file.name, 'was edited after it was applied; restore the applied text');
    }
  }
  return files.filter((file) => !applied.has(file.name));
}

/** One migration and its `_prisma_migrations` row in one transaction: all of it, or none. */
async function applyOne(client: Client, slice: DbSlice, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = await recordMigrationStarted(client, slice.schema, migration);
    await client.query(migration.script);
    await recordMigrationFinished(client, slice.schema, id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(slice.name, migration.name, `failed and was rolled back: ${reason}`, { cause: error });
  }
}
