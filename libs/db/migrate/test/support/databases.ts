import { randomBytes } from 'node:crypto';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase, type DbSlice } from '../../src';

// @parley/testing builds on this library, so these tests find the server themselves.
const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/parley';

/** The URL of a database nobody has created yet. */
export function freshDatabaseUrl(): string {
  return withDatabase(serverUrl, `parley_test_${randomBytes(6).toString('hex')}`);
}

export async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A private copy of a fixture slice folder, safe to add or edit migrations in. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `parley-${name}-`));
  await cp(path.join(__dirname, '..', 'fixtures', name), dir, { recursive: true });
  return dir;
}

export function fixtureSlice(dir: string, schema: string): DbSlice {
  return { name: schema, schema, migrationsDir: path.join(dir, 'migrations') };
}
