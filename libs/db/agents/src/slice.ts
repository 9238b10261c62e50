import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the agents tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'agents',
  schema: 'agents',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
