import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One folder of a Prisma migrations directory. */
export interface MigrationFile {
  /** The folder name, e.g. `20250101000000_init`; Prisma orders migrations by it. */
  readonly name: string;
  readonly script: string;
  /** Hex sha256 of migration.sql's bytes: what Prisma stores in `_prisma_migrations.checksum`. */
  readonly checksum: string;
}

/** Reads every `<name>/migration.sql` below `migrationsDir`, in Prisma's order (by folder name). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(folders.map((name) => readMigration(migrationsDir, name)));
}

async function readMigration(migrationsDir: string, name: string): Promise<MigrationFile> {
  const file = path.join(migrationsDir, name, 'migration.sql');
  if (!existsSync(file)) throw new Error(`Migration folder ${name} has no migration.sql (${file})`);
  const bytes = await readFile(file);
  return { name, script: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
}
