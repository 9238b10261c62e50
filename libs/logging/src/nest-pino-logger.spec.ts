import { Logger } from '@nestjs/common';
import { createLogger } from './create-logger';
import { NestPinoLogger } from './nest-pino-logger';

function nestLogger() {
  const lines: string[] = [];
  const pinoLogger = createLogger({ service: 'gateway', level: 'trace', destination: { write: (l) => lines.push(l) } });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: new NestPinoLogger(pinoLogger), entries };
}

describe('NestPinoLogger', () => {
  it('maps each Nest level to a pino level and keeps the context', () => {
    const { logger, entries } = nestLogger();
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('slow', 'Scanner');
    logger.debug('detail', 'Scanner');
    logger.verbose('chatter', 'Scanner');
    logger.fatal('gone', 'Scanner');
    expect(entries().map((e) => [e['level'], e['msg'], e['context']])).toEqual([
      ['info', 'Nest application successfully started', 'NestApplication'],
      ['warn', 'slow', 'Scanner'],
      ['debug', 'detail', 'Scanner'],
      ['trace', 'chatter', 'Scanner'],
      ['fatal', 'gone', 'Scanner'],
    ]);
  });

  it('separates the stack from the context on errors', () => {
    const { logger, entries } = nestLogger();
    const stack = new Error('boom').stack as string;
    logger.error('boom', stack, 'ExceptionsHandler');
    expect(entries()[0]).toMatchObject({ level: 'error', msg: 'boom', stack, context: 'ExceptionsHandler' });
  });

  it('logs an Error object under err', () => {
    const { logger, entries } = nestLogger();
    logger.error(new Error('listen EADDRINUSE'), 'NestApplication');
    expect(entries()[0]).toMatchObject({ msg: 'listen EADDRINUSE', err: { message: 'listen EADDRINUSE' } });
  });

  it('receives what Nest loggers write once installed', () => {
    const { logger, entries } = nestLogger();
    Logger.overrideLogger(logger);
    try {
      new Logger('RoutesResolver').log('mapped routes');
      new Logger('ExceptionsHandler').error('no stack here');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(entries()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'mapped routes', context: 'RoutesResolver' }),
      expect.objectContaining({ level: 'error', msg: 'no stack here', context: 'ExceptionsHandler' }),
    ]);
  });
});
