import { createLogger } from '@parley/logging';
import { ReadinessChecks } from './readiness-checks';

function setup(timeoutMs = 100) {
  const lines: string[] = [];
  const logger = createLogger({ service: 'spec', destination: { write: (line) => lines.push(line) } });
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { readiness: new ReadinessChecks(logger, timeoutMs), logs };
}

const passing = async () => undefined;
const failing = (message: string) => async () => {
  throw new Error(message);
};

describe('ReadinessChecks', () => {
  it('is ready when every check passes', async () => {
    const { readiness } = setup();
    readiness.register({ name: 'nats', check: passing });
    readiness.register({ name: 'redis', check: passing });
    await expect(readiness.evaluate()).resolves.toEqual({
      status: 'ready',
      checks: { nats: 'ok', redis: 'ok' },
      failing: [],
    });
  });

  it('names each failing check with its reason', async () => {
    const { readiness } = setup();
    readiness.register({ name: 'nats', check: passing });
    readiness.register({ name: 'redis', check: failing('connect ECONNREFUSED 127.0.0.1:6379') });
    await expect(readiness.evaluate()).resolves.toEqual({
      status: 'not_ready',
      checks: { nats: 'ok', redis: 'connect ECONNREFUSED 127.0.0.1:6379' },
      failing: ['redis'],
    });
  });

  it('fails a check that does not answer within the timeout', async () => {
    const { readiness } = setup(50);
    readiness.register({ name: 'postgres', check: () => new Promise(() => undefined) });
    const started = performance.now();
    const report = await readiness.evaluate();
    expect(report.checks).toEqual({ postgres: 'no answer within 50 ms' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses two checks with the same name', () => {
    const { readiness } = setup();
    readiness.register({ name: 'nats', check: passing });
    expect(() => readiness.register({ name: 'nats', check: passing })).toThrow('"nats" is already registered');
  });

  it('reports shutting down without running checks once shutdown starts', async () => {
    const { readiness } = setup();
    const check = jest.fn(passing);
    readiness.register({ name: 'nats', check });
    readiness.onModuleDestroy();
    await expect(readiness.evaluate()).resolves.toMatchObject({ status: 'shutting_down' });
    expect(check).not.toHaveBeenCalled();
  });

  it('closes what checks hold at application shutdown, even when one close fails', async () => {
    const { readiness, logs } = setup();
    const close = jest.fn(async () => undefined);
    readiness.register({ name: 'postgres', check: passing, close });
    readiness.register({ name: 'broken', check: passing, close: failing('already closed') });
    await readiness.onApplicationShutdown();
    expect(close).toHaveBeenCalledTimes(1);
    expect(logs()).toEqual([expect.objectContaining({ msg: 'readiness check failed to close', check: 'broken' })]);
  });

  it('logs when readiness changes, not on every probe', async () => {
    const { readiness, logs } = setup();
    let up = false;
    readiness.register({ name: 'redis', check: async () => (up ? undefined : failing('down')()) });
    await readiness.evaluate();
    await readiness.evaluate();
    up = true;
    await readiness.evaluate();
    await readiness.evaluate();
    expect(logs().map((entry) => [entry['level'], entry['msg'], entry['failing']])).toEqual([
      ['warn', 'service not ready', { redis: 'down' }],
      ['info', 'service ready', undefined],
    ]);
  });
});
