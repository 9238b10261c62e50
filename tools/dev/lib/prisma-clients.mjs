// Each Prisma slice generates its client into the folder its schema names (`output = "..."`).
// Generating takes seconds per slice, so it runs only when a client is missing or older than its schema.
// Run directly, it generates when needed; start.mjs and the shell entry points share it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const slicesDir = path.join(root, 'libs/db');

function clientEntry(schemaFile) {
  const output = /generator\s+client\s*\{[^}]*?output\s*=\s*"([^"]+)"/s.exec(readFileSync(schemaFile, 'utf8'))?.[1];
  return output && path.join(path.dirname(schemaFile), output, 'client.ts');
}

export function staleClients() {
  if (!existsSync(slicesDir)) return [];
  return readdirSync(slicesDir)
    .map((slice) => path.join(slicesDir, slice, 'schema.prisma'))
    .filter((schema) => existsSync(schema))
    .filter((schema) => {
      const client = clientEntry(schema);
      return !client || !existsSync(client) || statSync(client).mtimeMs < statSync(schema).mtimeMs;
    })
    .map((schema) => path.basename(path.dirname(schema)));
}

export function ensurePrismaClients() {
  const stale = staleClients();
  if (stale.length === 0) return;
  console.log(`Generating Prisma clients (${stale.join(', ')}: missing or older than the schema)`);
  for (const slice of stale) {
    const args = ['tools/db/migrate.mjs', 'generate', '--slice', slice];
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`Prisma client generation failed: node ${args.join(' ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensurePrismaClients();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
