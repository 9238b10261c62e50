export type { DbSlice } from './db-slice';
export { migrateAll, migrateSlice } from './migrate-slice';
export type { SliceMigrationResult } from './migrate-slice';
export { MigrationError } from './migration-error';
export { readMigrations } from './migration-files';
export type { MigrationFile } from './migration-files';
export { dropDatabase, ensureDatabase } from './ensure-database';
export { databaseNameOf, redactUrl, withDatabase } from './database-url';
export { createMigration } from './dev/create-migration';
