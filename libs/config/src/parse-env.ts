import type { z } from 'zod';

/** What is wrong with one variable. Never carries the value: it may be a secret (a URL with a password). */
export interface EnvProblem {
  readonly variable: string;
  readonly problem: string;
}

/** One error for the whole environment, so an operator fixes every variable in one pass. */
export class EnvError extends Error {
  override readonly name = 'EnvError';

  constructor(readonly problems: readonly EnvProblem[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`);
  }
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Parses the environment once at boot into a deep-frozen typed object, or throws one EnvError
 * naming every bad variable. An empty value counts as unset, so `PORT=` in a compose file falls
 * back to the default instead of becoming port 0.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: EnvSource = process.env): DeepReadonly<z.output<S>> {
  const present = withoutEmptyValues(env);
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => describeIssue(issue, present)));
  }
  return deepFreeze(result.data) as DeepReadonly<z.output<S>>;
}

function withoutEmptyValues(env: EnvSource): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[name] = value;
  }
  return present;
}

function describeIssue(issue: z.core.$ZodIssue, present: Record<string, string>): EnvProblem {
  const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)';
  const missing = issue.code === 'invalid_type' && issue.path.length === 1 && !(variable in present);
  return { variable, problem: missing ? 'is required but not set' : issue.message };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
