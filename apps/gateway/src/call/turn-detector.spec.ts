import { TurnDetector } from './turn-detector';
import type { VadEvent } from './vad';

const options = { endpointingMs: 600, bargeInMinMs: 300, vadHangoverMs: 300, frameMs: 20 };

/** Feeds `frames` frames, the first carrying `event`; returns the signals in order. */
function feed(detector: TurnDetector, frames: number, event: VadEvent | null = null): string[] {
  const signals: string[] = [];
  for (let i = 0; i < frames; i++) {
    const signal = detector.onFrame(i === 0 ? event : null);
    if (signal) signals.push(signal);
  }
  return signals;
}

describe('TurnDetector', () => {
  it('ends the turn once the quiet after speech reaches the endpointing time', () => {
    const detector = new TurnDetector(options);
    expect(feed(detector, 25, 'speech-start')).toEqual(['speech-start', 'sustained-speech']);
    // speech-end arrives after the VAD's 300 ms hangover; 15 more frames make 600 ms of quiet.
    expect(feed(detector, 15, 'speech-end')).toEqual([]);
    expect(feed(detector, 1)).toEqual(['end-of-turn']);
    expect(feed(detector, 100)).toEqual([]);
  });

  it('does not call a short noise sustained speech', () => {
    const detector = new TurnDetector(options);
    expect(feed(detector, 10, 'speech-start')).toEqual(['speech-start']);
    expect(detector.utteranceSustained).toBe(false);
    expect(feed(detector, 20, 'speech-end')).toEqual(['end-of-turn']);
    expect(detector.utteranceSustained).toBe(false);
  });

  it('keeps one turn across a pause shorter than the endpointing time', () => {
    const detector = new TurnDetector(options);
    feed(detector, 20, 'speech-start');
    expect(feed(detector, 5, 'speech-end')).toEqual([]);
    expect(feed(detector, 5, 'speech-start')).toEqual(['speech-start']);
    expect(detector.utteranceSustained).toBe(true);
    expect(feed(detector, 20, 'speech-end')).toEqual(['end-of-turn']);
  });

  it('signals nothing on silence alone', () => {
    const detector = new TurnDetector(options);
    expect(feed(detector, 200)).toEqual([]);
    expect(detector.callerSpeaking).toBe(false);
  });
});
