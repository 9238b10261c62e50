import { z } from 'zod';
import { databaseEnv, hostList, httpEnv, redisEnv, serviceEnv } from './fragments';
import { EnvError, parseEnv } from './parse-env';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const appSchema = z.object({ ...serviceEnv(3014), ...redisEnv, ...databaseEnv });

describe('env fragments', () => {
  it('default every variable to local infrastructure on loopback', () => {
    expect(parseEnv(appSchema, {})).toEqual({
      NATS_URL: 'nats://127.0.0.1:4222',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/parley',
      PORT: 3014,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_PRETTY: false,
      SHUTDOWN_TIMEOUT_MS: 10000,
    });
  });

  it('read overrides with their types', () => {
    const config = parseEnv(appSchema, {
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      SHUTDOWN_TIMEOUT_MS: '2500',
      NATS_URL: 'tls://nats.internal:4222',
      REDIS_URL: 'rediss://cache:6380',
      BUS_NAMESPACE: 'e2e_voice_3f9a1c',
    });
    expect(config).toMatchObject({
      PORT: 0,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: true,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      SHUTDOWN_TIMEOUT_MS: 2500,
      NATS_URL: 'tls://nats.internal:4222',
      REDIS_URL: 'rediss://cache:6380',
      BUS_NAMESPACE: 'e2e_voice_3f9a1c',
    });
  });

  it.each([
    ['PORT', '65536'],
    ['PORT', '3.5'],
    ['PORT', ' 80'],
    ['SHUTDOWN_TIMEOUT_MS', '0'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_PRETTY', 'maybe'],
    ['NATS_URL', 'http://127.0.0.1:4222'],
    ['REDIS_URL', 'not a url'],
    ['BUS_NAMESPACE', 'Voice.Tests'],
    ['DATABASE_URL', 'mysql://127.0.0.1/parley'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'grpc://collector:4317'],
  ])('reject %s=%j, naming only that variable', (variable, value) => {
    const thrown = catchError(() => parseEnv(appSchema, { [variable]: value }));
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as EnvError).problems.map((p) => p.variable)).toEqual([variable]);
  });

  it('give each app its own default port', () => {
    expect(parseEnv(z.object(httpEnv(3001)), {}).PORT).toBe(3001);
    expect(parseEnv(z.object(httpEnv(3016)), {}).PORT).toBe(3016);
  });

  it('read a host list as trimmed lower-case names, empty when unset', () => {
    const schema = z.object({ ALLOWED_HOSTS: hostList() });
    expect(parseEnv(schema, {})).toEqual({ ALLOWED_HOSTS: [] });
    expect(parseEnv(schema, { ALLOWED_HOSTS: '' })).toEqual({ ALLOWED_HOSTS: [] });
    expect(parseEnv(schema, { ALLOWED_HOSTS: ' LocalHost , 127.0.0.1,,::1 ' })).toEqual({
      ALLOWED_HOSTS: ['localhost', '127.0.0.1', '::1'],
    });
  });
});
