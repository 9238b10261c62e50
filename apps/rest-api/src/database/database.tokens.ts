/** The identity slice's Prisma client: `@Inject(IDENTITY_DB) db: IdentityClient`. */
export const IDENTITY_DB = Symbol('rest-api:identity-db');

/** The agents slice's Prisma client: `@Inject(AGENTS_DB) db: AgentsClient`. */
export const AGENTS_DB = Symbol('rest-api:agents-db');
