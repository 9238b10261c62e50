import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the dialer tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'dialer',
  schema: 'dialer',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
