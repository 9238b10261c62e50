import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MigrationError } from '../migration-error';
import type { DbSlice } from '../db-slice';
import { SliceMigrationAdapterFactory } from './engine-adapter';
import { explainPanic, startSchemaEngine } from './load-schema-engine';
import { LOCKFILE, loadMigrationsList, lockfileText } from './migrations-list';

export interface CreateMigrationOptions {
  /** The development database; it must already hold every existing migration of the slice. */
  readonly databaseUrl: string;
  readonly slice: DbSlice;
  /** The slice's schema.prisma, the state the new migration leads to. */
  readonly schemaPath: string;
  /** Snake-case label; Prisma prefixes it with a UTC timestamp. */
  readonly name: string;
}

/** The folder written, or undefined when schema.prisma and the migrations already agree. */
export interface CreatedMigration {
  readonly name: string | undefined;
  readonly script: string | undefined;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * `prisma migrate dev --create-only` done with the wasm schema engine: replays the migrations on a
 * shadow database, diffs the result against schema.prisma and writes the difference as a new
 * migration folder in Prisma's layout. Applying it is left to migrateSlice.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration> {
  const { databaseUrl, slice, schemaPath, name } = options;
  const schema = { files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }] };
  const adapters = new SliceMigrationAdapterFactory(databaseUrl, slice.schema);
  const engine = await startSchemaEngine(adapters, { datamodels: [[schemaPath, schema.files[0].content]] });
  try {
    const migrationsList = await loadMigrationsList(slice.migrationsDir);
    // The engine sets up its view of the database history here; createMigration relies on it.
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (action.tag === 'reset') {
      throw new MigrationError(slice.name, undefined, `the development database has drifted: ${action.reason}`);
    }
    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) return { name: undefined, script: undefined };
    await writeMigration(slice.migrationsDir, created);
    return { name: created.generatedMigrationName, script: created.migrationScript };
  } catch (error) {
    throw explainPanic(error);
  } finally {
    engine.free();
    await adapters.close();
  }
}

async function writeMigration(
  migrationsDir: string,
  created: { generatedMigrationName: string; migrationScript: string | null; connectorType: string },
): Promise<void> {
  const folder = path.join(migrationsDir, created.generatedMigrationName);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), created.migrationScript ?? '', 'utf8');
  await writeFile(path.join(migrationsDir, LOCKFILE), lockfileText(created.connectorType), 'utf8');
}
