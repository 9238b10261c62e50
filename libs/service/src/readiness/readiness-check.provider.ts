import type { InjectionToken, Provider } from '@nestjs/common';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessChecks } from './readiness-checks';

/**
 * A provider that builds a check from injected dependencies and registers it when the module
 * starts: `readinessCheckProvider(redisCheck, [Redis])`. Each call makes its own token, so a
 * module lists checks in `providers` without naming them.
 */
export function readinessCheckProvider(
  create: (...dependencies: never[]) => ReadinessCheck,
  inject: InjectionToken[] = [],
): Provider {
  return {
    provide: Symbol('readiness-check'),
    inject: [ReadinessChecks, ...inject],
    useFactory: (checks: ReadinessChecks, ...dependencies: never[]) => checks.register(create(...dependencies)),
  };
}
