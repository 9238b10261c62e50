/** One dependency the service needs before it should receive traffic. */
export interface ReadinessCheck {
  /** Shown in `/readyz`: `nats`, `redis`, `postgres`. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects with the reason otherwise. */
  readonly check: () => Promise<void>;
  /** Releases what the check itself holds (a probe connection); called at shutdown. */
  readonly close?: () => Promise<void>;
}

export type ReadinessStatus = 'ready' | 'not_ready' | 'shutting_down';

export interface ReadinessReport {
  readonly status: ReadinessStatus;
  /** `ok`, or why the check failed. */
  readonly checks: Readonly<Record<string, string>>;
  readonly failing: readonly string[];
}
