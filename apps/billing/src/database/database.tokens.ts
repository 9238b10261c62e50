/** The billing slice's Prisma client: `@Inject(BILLING_DB) db: BillingClient`. */
export const BILLING_DB = Symbol('billing:billing-db');
