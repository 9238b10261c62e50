import { createPrismaClient as createAgentsClient } from '@parley/db-agents';
import { createPrismaClient as createCallsClient } from '@parley/db-calls';
import { createPrismaClient as createIdentityClient } from '@parley/db-identity';
import { createPrismaClient as createKnowledgeClient } from '@parley/db-knowledge';
import { SliceClientsModule } from '@parley/service';
import { AGENTS_DB, CALLS_DB, IDENTITY_DB, KNOWLEDGE_DB } from './database.tokens';

/** The Prisma clients of the slices rest-api owns, shared by its features (`@Inject(IDENTITY_DB)`, …). */
export const DatabaseModule = {
  forRoot: (databaseUrl: string) =>
    SliceClientsModule.forRoot([
      { token: IDENTITY_DB, create: () => createIdentityClient(databaseUrl) },
      { token: AGENTS_DB, create: () => createAgentsClient(databaseUrl) },
      { token: CALLS_DB, create: () => createCallsClient(databaseUrl) },
      { token: KNOWLEDGE_DB, create: () => createKnowledgeClient(databaseUrl) },
    ]),
};
