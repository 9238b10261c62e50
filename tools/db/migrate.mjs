#!/usr/bin/env node
// The database commands of the workspace, offline (Prisma's native schema engine cannot be
// downloaded here; see docs/database.md):
//   node tools/db/migrate.mjs deploy                                 apply pending migrations of every slice
//   node tools/db/migrate.mjs dev --slice <name> --name <migration>  write a migration for the changes
//                                                                    of schema.prisma, apply it, generate
//   node tools/db/migrate.mjs generate [--slice <name>]              generate the Prisma clients
// DATABASE_URL defaults to postgresql://postgres@127.0.0.1:5432/parley; the database is created if missing.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadMigrateLib, loadSlices, repoRoot, require, sliceDirs } from './slices.mjs';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/parley';
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

const commands = { deploy, dev, generate };

async function deploy() {
  const { migrateAll, redactUrl } = loadMigrateLib();
  console.log(`migrating ${redactUrl(databaseUrl)}`);
  for (const { slice, applied } of await migrateAll(databaseUrl, loadSlices())) {
    console.log(`  ${slice.padEnd(10)} ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}

async function dev(options) {
  if (!options.slice || !options.name) throw new Error('usage: migrate.mjs dev --slice <name> --name <migration_name>');
  if (!/^[a-z0-9_]+$/.test(options.name)) throw new Error('--name must be snake_case (a-z, 0-9, _)');
  const slice = loadSlices().find((candidate) => candidate.name === options.slice);
  if (!slice) {
    throw new Error(`no slice named ${options.slice}; known: ${loadSlices().map((known) => known.name).join(', ')}`);
  }
  const { createMigration, migrateSlice } = loadMigrateLib();
  // The engine compares against the development database, so bring it up to date first.
  await migrateSlice(databaseUrl, slice);
  const schemaPath = path.join(path.dirname(slice.migrationsDir), 'schema.prisma');
  const created = await createMigration({ databaseUrl, slice, schemaPath, name: options.name });
  if (!created.name) {
    console.log(`${slice.name}: schema.prisma matches the migrations; nothing to create`);
    return;
  }
  const folder = path.relative(repoRoot, path.join(slice.migrationsDir, created.name));
  console.log(`${slice.name}: wrote ${folder}/migration.sql (review it before committing)`);
  const { applied } = await migrateSlice(databaseUrl, slice);
  console.log(`${slice.name}: applied ${applied.join(', ')}`);
  generateSlice(path.dirname(slice.migrationsDir));
}

async function generate(options) {
  const dirs = sliceDirs().filter((dir) => !options.slice || path.basename(dir) === options.slice);
  if (!dirs.length) throw new Error(`no slice named ${options.slice}`);
  for (const dir of dirs) generateSlice(dir);
}

// `prisma generate` only asks the native schema engine for its version; a no-op answers, so
// generation works on a fresh clone without downloading anything.
function generateSlice(dir) {
  const cli = require.resolve('prisma/build/index.js');
  try {
    execFileSync(process.execPath, [cli, 'generate', '--config', path.join(dir, 'prisma.config.ts')], {
      cwd: repoRoot,
      stdio: 'pipe',
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(repoRoot, 'tools/db/noop-engine'),
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1', // no usage ping: generation must work offline
      },
    });
  } catch (error) {
    throw new Error(`prisma generate failed for ${path.basename(dir)}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  console.log(`generated ${path.relative(repoRoot, path.join(dir, 'src/generated'))}`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { slice: { type: 'string' }, name: { type: 'string' } },
  });
  const command = commands[positionals[0]];
  if (!command) {
    throw new Error('usage: migrate.mjs deploy | dev --slice <name> --name <migration> | generate [--slice <name>]');
  }
  await command(values);
}

main().catch((error) => {
  console.error(`db: ${error.message}`);
  process.exit(1);
});
