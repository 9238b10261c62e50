import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FRAME_SAMPLES, samplesToBytes } from '@parley/audio';
import type { Bus } from '@parley/bus';
import { voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { TtsProvider, TtsUsage, TtsVoiceTuning } from '../providers/tts-provider';
import { pcmFrames } from './pcm-frames';
import type { TtsMetrics } from './tts-metrics';

/**
 * A rendered piece arrives whole and its frames would otherwise go out in one burst of microtasks;
 * letting the event loop in every few frames lets an interrupt, and other calls, through meanwhile.
 */
const FRAMES_PER_BURST = 10;

export interface Sentence {
  readonly callId: string;
  readonly turnId: string;
  readonly sentenceIndex: number;
  readonly text: string;
  /** The engine chosen for the agent's voice, and what it speaks with. */
  readonly provider: Pick<TtsProvider, 'name' | 'synthesize'>;
  readonly voice: string;
  readonly tuning?: TtsVoiceTuning;
  /** `performance.now()` when the request reached the worker. */
  readonly receivedAt: number;
  /** Called once: at the first frame, or with the failure when the engine fails before any audio. */
  readonly onStart?: (failure?: unknown) => void;
}

export interface SpeakerDeps {
  readonly bus: Pick<Bus, 'publishAudio'>;
  readonly metrics: Pick<TtsMetrics, 'timeToFirstFrame' | 'framesSent' | 'sentences' | 'characters'>;
  readonly logger: Logger;
}

/**
 * Speaks one sentence onto the call's `audio-out` as fast as the engine renders it (the gateway paces
 * playback). `seq` counts the sentence's frames from 0; the final frame carries `last`. An abort stops
 * the frames at once and sends nothing more: the gateway asked for the stop and waits for nothing.
 * An engine failure ends the sentence early with a silent `last` frame, so the gateway moves on.
 */
export async function speakSentence(sentence: Sentence, signal: AbortSignal, deps: SpeakerDeps): Promise<void> {
  const subject = voiceSubjects.audioOut(sentence.callId);
  const { turnId, sentenceIndex, provider } = sentence;
  let seq = 0;
  let started = false;
  const start = (failure?: unknown) => {
    if (!started) sentence.onStart?.(failure);
    started = true;
  };
  const send = (samples: Int16Array, last: boolean) => {
    deps.bus.publishAudio(subject, samplesToBytes(samples), { seq, turnId, sentenceIndex, last: last || undefined });
    if (seq === 0) deps.metrics.timeToFirstFrame.observe((performance.now() - sentence.receivedAt) / 1000);
    deps.metrics.framesSent.inc();
    seq++;
    start();
  };
  const onUsage = (usage: TtsUsage) => deps.metrics.characters.inc({ provider: provider.name }, usage.characters);
  try {
    const audio = provider.synthesize(sentence.text, { voice: sentence.voice, tuning: sentence.tuning, signal, onUsage });
    for await (const frame of pcmFrames(audio, FRAME_SAMPLES)) {
      if (signal.aborted) break;
      send(frame.samples, frame.last);
      if (seq % FRAMES_PER_BURST === 0) await yieldToEventLoop();
    }
    if (signal.aborted) return deps.metrics.sentences.inc({ outcome: 'interrupted' });
    // Text with nothing to say (punctuation only) still ends its sentence for the gateway.
    if (seq === 0) send(new Int16Array(FRAME_SAMPLES), true);
    deps.metrics.sentences.inc({ outcome: 'spoken' });
  } catch (err) {
    deps.metrics.sentences.inc({ outcome: 'failed' });
    deps.logger.error({ err, callId: sentence.callId, turnId, sentenceIndex, frames: seq, provider: provider.name }, 'tts sentence failed');
    start(err);
    if (!signal.aborted) sendClosingFrame(send);
  } finally {
    start();
  }
}

function sendClosingFrame(send: (samples: Int16Array, last: boolean) => void): void {
  try {
    send(new Int16Array(FRAME_SAMPLES), true);
  } catch {
    // The bus itself is gone; the gateway's own timeout covers the sentence.
  }
}
