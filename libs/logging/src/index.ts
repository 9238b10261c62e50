export { createLogger } from './create-logger';
export type { Logger, LoggerOptions } from './create-logger';
export { NestPinoLogger } from './nest-pino-logger';
export { formatLine, prettyStream } from './pretty-stream';
export { CENSOR, REDACTED_KEYS, REDACTED_PATHS } from './redaction';
