import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SttError, SttFinal, SttInterim, SttSession, SttSessionListener } from '../stt-provider';

export type SttEvent =
  | { readonly type: 'interim'; readonly interim: SttInterim }
  | { readonly type: 'final'; readonly final: SttFinal }
  | { readonly type: 'error'; readonly error: SttError };

/** A session listener that keeps every event in order. */
export class SessionRecorder implements SttSessionListener {
  readonly events: SttEvent[] = [];

  onInterim(interim: SttInterim): void {
    this.events.push({ type: 'interim', interim });
  }

  onFinal(final: SttFinal): void {
    this.events.push({ type: 'final', final });
  }

  onError(error: SttError): void {
    this.events.push({ type: 'error', error });
  }

  get finals(): SttFinal[] {
    return this.events.flatMap((event) => (event.type === 'final' ? [event.final] : []));
  }

  get errors(): SttError[] {
    return this.events.flatMap((event) => (event.type === 'error' ? [event.error] : []));
  }
}

/** 20 ms at 16 kHz, the frame size the gateway publishes. */
export const FRAME_SAMPLES = 320;

/**
 * Writes `pcm` frame by frame, letting the event loop run between frames as a live stream would, only
 * faster than real time. One frame buffer is reused, as the gateway does.
 */
export async function streamFrames(session: SttSession, pcm: Int16Array): Promise<void> {
  const frame = new Int16Array(FRAME_SAMPLES);
  for (let offset = 0; offset < pcm.length; offset += FRAME_SAMPLES) {
    const chunk = pcm.subarray(offset, offset + FRAME_SAMPLES);
    frame.set(chunk);
    session.write(chunk.length === FRAME_SAMPLES ? frame : frame.subarray(0, chunk.length));
    await yieldToEventLoop();
  }
}
