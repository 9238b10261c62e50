import { z } from 'zod';

/**
 * Identifiers that end up inside NATS subjects must be a single subject token:
 * no dots (token separator), no `*`/`>` (wildcards), no whitespace.
 */
export const SUBJECT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export const callIdSchema = z.string().regex(SUBJECT_TOKEN, 'must be 1-64 letters, digits, "-" or "_"');
export const turnIdSchema = z.string().min(1).max(64);
export const entityIdSchema = z.string().min(1).max(64);
/** Hex SHA-256 of an API key: keys are never sent over the bus in clear. */
export const keyHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const sequenceSchema = z.int().nonnegative();
export const durationMsSchema = z.number().nonnegative();

export type CallId = z.infer<typeof callIdSchema>;
export type TurnId = z.infer<typeof turnIdSchema>;
