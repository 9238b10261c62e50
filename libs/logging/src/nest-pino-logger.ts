import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

const STACK = /\n\s+at /;

/**
 * Routes Nest's own logging (module loading, route mapping, unhandled errors) into the app's pino
 * logger, so a service writes one JSON format. Nest passes the context as the last argument and,
 * for errors, a stack string before it.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const last = params.at(-1);
    const context = typeof last === 'string' && !STACK.test(last) ? last : undefined;
    const stack = params.find((param): param is string => typeof param === 'string' && STACK.test(param));
    const fields: Record<string, unknown> = { context };
    if (stack) fields['stack'] = stack;

    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
