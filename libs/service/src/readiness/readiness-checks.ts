import { Inject, Injectable, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER, READINESS_TIMEOUT_MS } from '../tokens';
import type { ReadinessCheck, ReadinessReport } from './readiness-check';

/**
 * The registry behind `/readyz`. Modules register a check for each dependency they use; the
 * service is ready only while every check passes within the timeout. Readiness turns off the
 * moment shutdown starts, so a load balancer stops routing before connections close.
 */
@Injectable()
export class ReadinessChecks implements OnModuleDestroy, OnApplicationShutdown {
  private readonly checks = new Map<string, ReadinessCheck>();
  private stopping = false;
  private lastFailing: string | undefined;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(READINESS_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  register(check: ReadinessCheck): ReadinessCheck {
    if (this.checks.has(check.name)) throw new Error(`readiness check "${check.name}" is already registered`);
    this.checks.set(check.name, check);
    return check;
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  markShuttingDown(): void {
    this.stopping = true;
  }

  async evaluate(): Promise<ReadinessReport> {
    if (this.stopping) return { status: 'shutting_down', checks: {}, failing: [] };
    const results = await Promise.all(
      [...this.checks.values()].map(async ({ name, check }) => [name, await this.outcome(name, check)] as const),
    );
    const checks = Object.fromEntries(results);
    const failing = results.filter(([, outcome]) => outcome !== 'ok').map(([name]) => name);
    this.logTransition(checks, failing);
    return { status: failing.length === 0 ? 'ready' : 'not_ready', checks, failing };
  }

  /** Any app.close() turns readiness off first, not only a signal. */
  onModuleDestroy(): void {
    this.markShuttingDown();
  }

  async onApplicationShutdown(): Promise<void> {
    const closing = [...this.checks.values()].map(async ({ name, close }) => {
      try {
        await close?.();
      } catch (err) {
        this.logger.warn({ err, check: name }, 'readiness check failed to close');
      }
    });
    await Promise.all(closing);
  }

  private async outcome(name: string, check: () => Promise<void>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([check(), timeout]);
      return 'ok';
    } catch (err) {
      return err instanceof Error ? err.message || err.name : `check "${name}" failed`;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Logs only changes, so a probe every few seconds does not flood the log during an outage. */
  private logTransition(checks: Record<string, string>, failing: string[]): void {
    const key = failing.join(',');
    if (key === this.lastFailing) return;
    this.lastFailing = key;
    if (failing.length === 0) {
      this.logger.info({ checks: Object.keys(checks) }, 'service ready');
    } else {
      const reasons = Object.fromEntries(failing.map((name) => [name, checks[name]]));
      this.logger.warn({ failing: reasons }, 'service not ready');
    }
  }
}
