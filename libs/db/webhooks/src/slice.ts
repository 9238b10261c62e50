import type { DbSlice } from '@parley/db-migrate';
import path from 'node:path';

/** Where the webhooks tables live and where their migrations are. */
export const slice: DbSlice = {
  name: 'webhooks',
  schema: 'webhooks',
  migrationsDir: path.join(__dirname, '..', 'migrations'),
};
