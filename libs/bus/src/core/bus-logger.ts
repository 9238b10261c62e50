/** The two log calls the bus makes; a pino logger fits as is. */
export interface BusLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** What went wrong inside the bus without reaching a caller; read by metrics and tests. */
export interface BusStats {
  /** Received messages dropped because they did not match their contract. */
  invalidMessages: number;
  /** Handlers that threw or rejected. */
  handlerErrors: number;
}
