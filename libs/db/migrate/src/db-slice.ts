/** One Prisma slice: a Postgres schema in the shared database and the folder of its migrations. */
export interface DbSlice {
  /** Short name, e.g. `identity`; also the Nx project `db-identity`. */
  readonly name: string;
  /** The Postgres schema holding the slice's tables and its own `_prisma_migrations`. */
  readonly schema: string;
  /** Absolute path of the slice's `migrations` folder (Prisma's layout). */
  readonly migrationsDir: string;
}
