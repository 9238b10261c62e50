// Prisma CLI settings for the knowledge slice. Every slice shares one database but keeps its tables,
// and its own _prisma_migrations, in a Postgres schema of its own: the CLI learns that schema from
// the `schema` parameter of the connection URL, so `prisma migrate deploy --config <this file>`
// elsewhere lands exactly where tools/db/migrate.mjs does here.
import { defineConfig } from 'prisma/config';

const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/parley');
url.searchParams.set('schema', 'knowledge');

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: url.toString() },
});
