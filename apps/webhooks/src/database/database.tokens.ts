/** The webhooks slice's Prisma client: `@Inject(WEBHOOKS_DB) db: WebhooksClient`. */
export const WEBHOOKS_DB = Symbol('webhooks:webhooks-db');
