import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the calls tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'calls',
  schema: 'calls',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
