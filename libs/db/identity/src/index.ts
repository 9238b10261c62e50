import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { slice } from './slice';

export * from './generated/client';
export { slice };

/** The identity client under a name that stays unambiguous beside other slices' clients. */
export type IdentityClient = PrismaClient;

/**
 * A Prisma client bound to the "identity" Postgres schema of `databaseUrl`: generated queries name the
 * schema, and the connections' search_path points at it so raw SQL may use bare table names too.
 * It connects lazily; call `$disconnect()` on shutdown.
 */
export function createPrismaClient(databaseUrl: string): IdentityClient {
  const connection = { connectionString: databaseUrl, options: `-c search_path=${slice.schema}` };
  return new PrismaClient({ adapter: new PrismaPg(connection, { schema: slice.schema }) });
}
export { hashPassword, verifyPassword } from './password-hash';
export { API_KEY_PATTERN, generateRawApiKey, hashApiKey, isApiKey, storedKey } from './api-key-format';
export type { StoredKey } from './api-key-format';
