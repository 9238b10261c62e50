import { TurnDetector } from './turn-detector';
import type { VadEvent } from '../vad';

const options = { endpointingMs: 600, endpointingMidPhraseMs: 1000, bargeInMinMs: 300, vadHangoverMs: 300, frameMs: 20 };

/**
 * Feeds `frames` frames, the first carrying `event`; returns the signals in order. Frames are
 * voiced from a speech-start on, unvoiced from a speech-end (or none) on, unless told.
 */
function feed(
  detector: TurnDetector,
  frames: number,
  event: VadEvent | null = null,
  voiced = event === 'speech-start',
): string[] {
  const signals: string[] = [];
  for (let i = 0; i < frames; i++) {
    const signal = detector.onFrame(i === 0 ? event : null, voiced);
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

  it('waits the longer mid-phrase time while the caller is mid-phrase, then forgets it', () => {
    const detector = new TurnDetector(options);
    feed(detector, 25, 'speech-start');
    detector.callerMidPhrase = true;
    // 600 ms of quiet would end a finished phrase; an unfinished one waits for 1000 ms.
    expect(feed(detector, 15, 'speech-end')).toEqual([]);
    expect(feed(detector, 20)).toEqual([]);
    expect(feed(detector, 1)).toEqual(['end-of-turn']);
    feed(detector, 25, 'speech-start');
    expect(feed(detector, 16, 'speech-end')).toEqual(['end-of-turn']);
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

  it('does not count the VAD hangover after a short sound as speech', () => {
    const detector = new TurnDetector(options);
    feed(detector, 6, 'speech-start'); // 120 ms of voice
    expect(feed(detector, 14, null, false)).toEqual([]); // hangover: still "speech", no voice
    expect(detector.utteranceSustained).toBe(false);
  });

  it('signals nothing on silence alone', () => {
    const detector = new TurnDetector(options);
    expect(feed(detector, 200)).toEqual([]);
    expect(detector.callerSpeaking).toBe(false);
  });

  describe('with a speculative pause', () => {
    const speculative = { ...options, speculativeMs: 200 };

    it('signals a pause after 200 ms without voice, inside the VAD hangover, then the end of turn', () => {
      const detector = new TurnDetector(speculative);
      feed(detector, 25, 'speech-start');
      // Unvoiced frames while the VAD still calls it speech (its hangover).
      expect(feed(detector, 9, null, false)).toEqual([]);
      expect(feed(detector, 1, null, false)).toEqual(['pause']);
      expect(feed(detector, 5, null, false)).toEqual([]);
      // speech-end after the 300 ms hangover; 600 ms of quiet in all ends the turn, with no second pause.
      expect(feed(detector, 15, 'speech-end')).toEqual([]);
      expect(feed(detector, 1)).toEqual(['end-of-turn']);
    });

    it('signals resume when voice returns after a pause, and pauses again on the next quiet', () => {
      const detector = new TurnDetector(speculative);
      feed(detector, 25, 'speech-start');
      expect(feed(detector, 10, null, false)).toEqual(['pause']);
      expect(feed(detector, 1, null, true)).toEqual(['resume']);
      expect(feed(detector, 5, null, true)).toEqual([]);
      expect(feed(detector, 10, null, false)).toEqual(['pause']);
      expect(feed(detector, 5, 'speech-end')).toEqual([]);
      // After the VAD declared the speech over, a new utterance resumes the same turn.
      expect(feed(detector, 1, 'speech-start')).toEqual(['resume']);
      expect(feed(detector, 10, null, false)).toEqual(['pause']);
    });

    it('does not pause on silence alone, nor when the pause would not come before the end of turn', () => {
      expect(feed(new TurnDetector(speculative), 100)).toEqual([]);
      const late = new TurnDetector({ ...options, speculativeMs: 600 });
      feed(late, 25, 'speech-start');
      expect(feed(late, 16, 'speech-end')).toEqual(['end-of-turn']);
    });
  });
});

