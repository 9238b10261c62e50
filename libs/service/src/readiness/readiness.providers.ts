import type { Provider } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { READINESS_TIMEOUT_MS } from '../tokens';
import { busCheck, postgresCheck } from './checks';
import { readinessCheckProvider } from './readiness-check.provider';

/** Ready only while NATS answers a ping; for a module that imports `BusModule.forRoot`. */
export const busReadiness: Provider = readinessCheckProvider(busCheck, [Bus]);

/** Ready only while Postgres at `url` answers `SELECT 1`. */
export function postgresReadiness(url: string): Provider {
  return readinessCheckProvider((timeoutMs: number) => postgresCheck(url, timeoutMs), [READINESS_TIMEOUT_MS]);
}
