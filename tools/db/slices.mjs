// Finds the Prisma slices: every libs/db/<name> with a src/slice.ts descriptor.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const require = createRequire(import.meta.url);
const dbRoot = path.join(repoRoot, 'libs/db');

// The libraries are TypeScript; swc compiles them on load exactly as it does for the apps.
require('@swc-node/register');

export function sliceDirs() {
  return readdirSync(dbRoot)
    .filter((name) => existsSync(path.join(dbRoot, name, 'src/slice.ts')))
    .sort()
    .map((name) => path.join(dbRoot, name));
}

/** `{ name, schema, migrationsDir }` of every slice, loaded from its own descriptor. */
export function loadSlices() {
  return sliceDirs().map((dir) => require(path.join(dir, 'src/slice.ts')).slice);
}

export function loadMigrateLib() {
  return require(path.join(repoRoot, 'libs/db/migrate/src/index.ts'));
}
