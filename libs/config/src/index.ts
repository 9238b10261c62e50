export { EnvError, parseEnv } from './parse-env';
export type { DeepReadonly, EnvProblem, EnvSource } from './parse-env';
export {
  LOG_LEVELS,
  databaseEnv,
  hostList,
  httpEnv,
  logEnv,
  natsEnv,
  otelEnv,
  redisEnv,
  serviceEnv,
  shutdownEnv,
  wholeNumber,
} from './fragments';
export type { ServiceEnv } from './fragments';
