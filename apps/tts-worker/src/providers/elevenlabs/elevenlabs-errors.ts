import { ElevenLabsError, ElevenLabsTimeoutError } from '@elevenlabs/elevenlabs-js';
import { TtsError, type TtsErrorKind } from '../tts-provider';

/** ElevenLabs' HTTP statuses as failure kinds: the caller's retry policy follows from the kind. */
function kindOfStatus(status: number): TtsErrorKind {
  if (status === 401 || status === 403) return 'config';
  if (status === 400 || status === 404 || status === 422) return 'bad-input';
  if (status === 429) return 'overloaded';
  if (status >= 500) return 'unavailable';
  return 'engine';
}

/** ElevenLabs puts its reason in `detail`: `{status, message}`, or a list of field errors for a 422. */
function detailOf(body: unknown): string {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) return detail.map((item: { msg?: string }) => item.msg ?? '').join('; ');
  const { status, message } = (detail ?? {}) as { status?: string; message?: string };
  return [status, message].filter(Boolean).join(': ');
}

/** Any failure of one ElevenLabs stream as a `TtsError`; `timedOut` when the provider's own watchdog cut it. */
export function toTtsError(err: unknown, timedOut: boolean): TtsError {
  if (err instanceof TtsError) return err;
  if (timedOut || err instanceof ElevenLabsTimeoutError) {
    return new TtsError('timeout', 'ElevenLabs sent no audio in time', { cause: err });
  }
  if (err instanceof ElevenLabsError && err.statusCode !== undefined) {
    const detail = detailOf(err.body);
    return new TtsError(kindOfStatus(err.statusCode), `ElevenLabs answered ${err.statusCode}${detail ? ` (${detail})` : ''}`, { cause: err });
  }
  // No status: the connection failed or broke mid-stream.
  return new TtsError('unavailable', `ElevenLabs stream failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}
