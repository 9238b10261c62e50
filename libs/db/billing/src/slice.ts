import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the billing tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'billing',
  schema: 'billing',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
