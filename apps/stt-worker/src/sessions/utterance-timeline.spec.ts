import { UtteranceTimeline } from './utterance-timeline';

describe('UtteranceTimeline', () => {
  it('places each utterance where it began in the call audio', () => {
    const timeline = new UtteranceTimeline();
    timeline.write(16_000);
    const first = timeline.end('t1', true);
    timeline.write(8_000);

    expect(first).toMatchObject({ startMs: 0, endMs: 1000, turnId: 't1', mustAnswer: true });
    expect(timeline.decodingStartMs).toBe(0);
    expect(timeline.openUtteranceMs).toBe(500);
    expect(timeline.settle()).toBe(first);
    expect(timeline.decodingStartMs).toBe(1000);
    expect(timeline.audioMs).toBe(1500);
  });

  it('has unsettled audio from the first sample until the engine settles the last end', () => {
    const timeline = new UtteranceTimeline();
    expect(timeline.hasUnsettledAudio).toBe(false);
    timeline.write(320);
    expect(timeline.hasUnsettledAudio).toBe(true);
    timeline.end(undefined, false);
    expect(timeline.hasUnsettledAudio).toBe(true);
    timeline.settle();
    expect(timeline.hasUnsettledAudio).toBe(false);
  });

  it('keeps describing the oldest ending utterance until the engine settles it', () => {
    const timeline = new UtteranceTimeline();
    timeline.write(3_200);
    const first = timeline.end(undefined, false);
    timeline.write(3_200);
    const second = timeline.end('t2', true);

    expect(timeline.decoding).toBe(first);
    timeline.settle();
    expect(timeline.decoding).toBe(second);
    expect(timeline.decodingStartMs).toBe(200);
    timeline.settle();
    expect(timeline.decoding).toBeUndefined();
    expect(timeline.decodingStartMs).toBe(400);
  });
});
