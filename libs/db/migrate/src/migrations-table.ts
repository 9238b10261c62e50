import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { quoteIdent } from './database-url';

/** A row of `_prisma_migrations`, as far as deciding what to apply needs it. */
export interface AppliedMigration {
  readonly name: string;
  readonly checksum: string;
  readonly finished: boolean;
  readonly rolledBack: boolean;
}

// Prisma's own definition (sql-schema-connector, Postgres flavour), so that `prisma migrate
// status/deploy` elsewhere reads our bookkeeping as its own. Only IF NOT EXISTS is ours.
const CREATE_TABLE = (schema: string) => `
CREATE TABLE IF NOT EXISTS ${quoteIdent(schema)}."_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export async function createMigrationsTable(client: ClientBase, schema: string): Promise<void> {
  await client.query(CREATE_TABLE(schema));
}

export async function readAppliedMigrations(client: ClientBase, schema: string): Promise<AppliedMigration[]> {
  const result = await client.query<{
    migration_name: string;
    checksum: string;
    finished: boolean;
    rolled_back: boolean;
  }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM ${quoteIdent(schema)}."_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows.map((row) => ({
    name: row.migration_name,
    checksum: row.checksum,
    finished: row.finished,
    rolledBack: row.rolled_back,
  }));
}

/**
 * Records a migration the way Prisma's applyMigrations leaves a successful one: one step applied,
 * started_at when it began, finished_at when its script completed. Runs inside the caller's
 * transaction, so the row and the script's effects commit together.
 */
export async function recordMigrationStarted(
  client: ClientBase,
  schema: string,
  migration: { name: string; checksum: string },
): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO ${quoteIdent(schema)}."_prisma_migrations" (id, checksum, migration_name, started_at)
     VALUES ($1, $2, $3, clock_timestamp())`,
    [id, migration.checksum, migration.name],
  );
  return id;
}

export async function recordMigrationFinished(client: ClientBase, schema: string, id: string): Promise<void> {
  await client.query(
    `UPDATE ${quoteIdent(schema)}."_prisma_migrations"
        SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
      WHERE id = $1`,
    [id],
  );
}
