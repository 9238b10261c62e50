import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the identity tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'identity',
  schema: 'identity',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
