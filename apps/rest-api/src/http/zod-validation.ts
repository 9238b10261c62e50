import type { z } from 'zod';
import { ApiError } from './api-error';

/** Where a value came from, as clients name it. */
export type InputLocation = 'body' | 'query' | 'params';

export interface ValidationIssue {
  readonly location: InputLocation;
  /** Dotted path of the field (`voice_settings.stability`, `items.0.name`); empty for the whole value. */
  readonly path: string;
  readonly message: string;
}

/**
 * Parses `value` or throws 400 INVALID_REQUEST whose `details.issues` names every bad field,
 * so a client fixes them all in one round.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? `${location}.${first.path}` : location;
  throw ApiError.invalid(`Invalid ${where}: ${first?.message ?? 'invalid value'}`, { issues });
}
