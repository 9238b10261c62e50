/** The app's pino logger: `@Inject(LOGGER) private readonly logger: Logger`. */
export const LOGGER = Symbol('parley:logger');

/** The service's name (`billing`), as it appears in logs, metrics and traces. */
export const SERVICE_NAME = Symbol('parley:service-name');

/** How long one readiness check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = Symbol('parley:readiness-timeout-ms');
