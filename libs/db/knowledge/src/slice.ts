import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the knowledge tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'knowledge',
  schema: 'knowledge',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
