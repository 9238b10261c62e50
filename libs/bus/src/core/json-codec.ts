import type { z } from 'zod';
import { BusError } from './bus-error';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Issue paths and messages only: zod's messages name types, never the offending values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Validates, then serialises what the schema kept (unknown keys are dropped). */
export function tryEncodeJson<T>(schema: z.ZodType<T>, payload: T): Decoded<Uint8Array> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  return { ok: true, value: encoder.encode(JSON.stringify(parsed.data)) };
}

/** Validates before sending, so a bad payload fails in the process that built it. */
export function encodeJson<T>(schema: z.ZodType<T>, payload: T, subject: string): Uint8Array {
  const encoded = tryEncodeJson(schema, payload);
  if (!encoded.ok)
    throw new BusError('INVALID_REQUEST', `payload for ${subject} breaks its contract: ${encoded.reason}`);
  return encoded.value;
}

export function decodeJson<T>(schema: z.ZodType<T>, data: Uint8Array): Decoded<T> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
