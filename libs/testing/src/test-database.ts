import { randomBytes } from 'node:crypto';
import { dropDatabase, migrateAll, withDatabase, type DbSlice } from '@parley/db-migrate';
import { testInfra } from './test-infra';

export interface TestDatabase {
  /** Connection URL of the fresh database. */
  readonly url: string;
  /** Drops the database, disconnecting whoever still uses it. Close your clients first anyway. */
  drop(): Promise<void>;
}

/** A new, uniquely named database on the test server with the given slices migrated. */
export async function createTestDatabase(slices: readonly DbSlice[]): Promise<TestDatabase> {
  const { databaseUrl } = await testInfra();
  const url = withDatabase(databaseUrl, `parley_test_${randomBytes(6).toString('hex')}`);
  try {
    await migrateAll(url, slices);
  } catch (error) {
    await dropDatabase(url);
    throw error;
  }
  return { url, drop: () => dropDatabase(url) };
}
