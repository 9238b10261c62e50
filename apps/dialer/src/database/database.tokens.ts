/** The dialer slice's Prisma client: `@Inject(DIALER_DB) db: DialerClient`. */
export const DIALER_DB = Symbol('dialer:dialer-db');
