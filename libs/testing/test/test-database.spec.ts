import path from 'node:path';
import { withDatabase } from '@parley/db-migrate';
import { Client } from 'pg';
import { createTestDatabase, testInfra } from '../src';

const notes = { name: 'notes', schema: 'notes', migrationsDir: path.join(__dirname, 'fixtures/notes/migrations') };

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives a fresh database with the slices migrated', async () => {
    const database = await createTestDatabase([notes]);
    try {
      await query(database.url, `INSERT INTO notes.notes (body) VALUES ('hi')`);
      expect(await query(database.url, 'SELECT body FROM notes.notes')).toEqual([{ body: 'hi' }]);
      expect(await query(database.url, 'SELECT migration_name FROM notes._prisma_migrations')).toEqual([
        { migration_name: '20250101000000_init' },
      ]);
    } finally {
      await database.drop();
    }
  });

  it('never hands out the same database twice', async () => {
    const [first, second] = await Promise.all([createTestDatabase([notes]), createTestDatabase([notes])]);
    try {
      expect(first.url).not.toBe(second.url);
      await query(first.url, `INSERT INTO notes.notes (body) VALUES ('only here')`);
      expect(await query(second.url, 'SELECT body FROM notes.notes')).toEqual([]);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });

  it('drops the database, even while a client is still connected', async () => {
    const database = await createTestDatabase([notes]);
    const name = new URL(database.url).pathname.slice(1);
    const lingering = new Client({ connectionString: database.url });
    await lingering.connect();
    lingering.on('error', () => undefined); // the forced drop terminates it

    await database.drop();

    // Asked of the server's maintenance database: the default URL's database may not exist.
    const { databaseUrl } = await testInfra();
    const maintenance = withDatabase(databaseUrl, 'postgres');
    expect(await query(maintenance, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).toEqual([]);
    await lingering.end().catch(() => undefined);
  });
});
