/** The identity slice's Prisma client: `@Inject(IDENTITY_DB) db: IdentityClient`. */
export const IDENTITY_DB = Symbol('rest-api:identity-db');

/** The agents slice's Prisma client: `@Inject(AGENTS_DB) db: AgentsClient`. */
export const AGENTS_DB = Symbol('rest-api:agents-db');

/** The calls slice's Prisma client (the calls read model): `@Inject(CALLS_DB) db: CallsClient`. */
export const CALLS_DB = Symbol('rest-api:calls-db');

/** The knowledge slice's Prisma client (knowledge bases, chunks, indexing jobs): `@Inject(KNOWLEDGE_DB) db: KnowledgeClient`. */
export const KNOWLEDGE_DB = Symbol('rest-api:knowledge-db');
