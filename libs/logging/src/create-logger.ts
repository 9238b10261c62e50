import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { prettyStream } from './pretty-stream';
import { CENSOR, REDACTED_PATHS } from './redaction';
import { traceFields } from './trace-fields';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Written on every line as `service`, so one log stream can hold every app. */
  readonly service: string;
  readonly level?: LevelWithSilent;
  /** Human-readable lines for a terminal instead of JSON. */
  readonly pretty?: boolean;
  /** Where lines go; stdout when omitted. Tests pass a collecting stream. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: CENSOR },
      mixin: traceFields,
    },
    options.pretty ? prettyStream(destination) : destination,
  );
}
