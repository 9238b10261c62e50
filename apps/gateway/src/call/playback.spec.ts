import { Playback, type PlayedTurn } from './playback';

function recorder() {
  const events: string[] = [];
  const frames: number[] = [];
  const sink = {
    audioStarted: () => events.push('audio_start'),
    audio: (frame: Uint8Array) => frames.push(frame[0]),
    audioEnded: () => events.push('audio_end'),
  };
  return { events, frames, sink };
}

const frame = (tag: number) => new Uint8Array(640).fill(tag);

describe('Playback', () => {
  it('plays sentences in order whatever order their frames arrive in, bracketed once', async () => {
    const { events, frames, sink } = recorder();
    const played = new Promise<PlayedTurn>((resolve) => {
      const playback = new Playback(sink, resolve);
      playback.begin('t1');
      playback.addSentence('t1', 0, 'Hello.');
      playback.addSentence('t1', 1, 'Bye now.');
      playback.pushFrame('t1', 1, frame(21), false);
      playback.pushFrame('t1', 1, frame(22), true);
      playback.pushFrame('t1', 0, frame(11), false);
      playback.pushFrame('t1', 0, frame(12), true);
      playback.endTurn('t1');
    });
    await expect(played).resolves.toEqual({ turnId: 't1', text: 'Hello. Bye now.', interrupted: false });
    expect(frames).toEqual([11, 12, 21, 22]);
    expect(events).toEqual(['audio_start', 'audio_end']);
  });

  it('drops frames of another turn', async () => {
    const { frames, sink } = recorder();
    const played = new Promise<PlayedTurn>((resolve) => {
      const playback = new Playback(sink, resolve);
      playback.begin('t2');
      playback.addSentence('t2', 0, 'Yes.');
      playback.pushFrame('t1', 0, frame(99), true);
      playback.pushFrame('t2', 0, frame(1), true);
      playback.endTurn('t2');
    });
    await played;
    expect(frames).toEqual([1]);
  });

  it('stops at once on interrupt and reports only what was heard', async () => {
    const { events, frames, sink } = recorder();
    const onPlayed = jest.fn();
    const playback = new Playback(sink, onPlayed);
    playback.begin('t3');
    playback.addSentence('t3', 0, 'one two three four');
    for (let i = 0; i < 8; i++) playback.pushFrame('t3', 0, frame(i), i === 7);
    await new Promise((resolve) => setTimeout(resolve, 70)); // frames 0..3 are due by now
    const turn = playback.interrupt();
    const sentBefore = frames.length;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(frames.length).toBe(sentBefore);
    expect(sentBefore).toBeGreaterThanOrEqual(3);
    expect(sentBefore).toBeLessThanOrEqual(5);
    // Four words over eight frames: two frames per word heard.
    const heard = ['one', 'two', 'three', 'four'].slice(0, Math.floor(sentBefore / 2)).join(' ');
    expect(turn).toEqual({ turnId: 't3', text: heard, interrupted: true });
    expect(events).toEqual(['audio_start', 'audio_end']);
    expect(onPlayed).not.toHaveBeenCalled();
  });

  it('holds a prepared turn silent until released, then plays what it gathered at once', async () => {
    const { events, frames, sink } = recorder();
    const onPlayed = jest.fn();
    const playback = new Playback(sink, onPlayed);
    playback.begin('t4', undefined, true);
    playback.addSentence('t4', 0, 'Ready.');
    playback.pushFrame('t4', 0, frame(1), false);
    playback.pushFrame('t4', 0, frame(2), true);
    playback.endTurn('t4');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(frames).toEqual([]);
    expect(onPlayed).not.toHaveBeenCalled();

    const played = new Promise((resolve) => onPlayed.mockImplementation(resolve));
    playback.release();
    expect(frames).toEqual([1]); // the first frame goes out on release, not a tick later
    await played;
    expect(frames).toEqual([1, 2]);
    expect(events).toEqual(['audio_start', 'audio_end']);
  });

  it('drops a held turn on interrupt without a word to the client', () => {
    const { events, frames, sink } = recorder();
    const playback = new Playback(sink, jest.fn());
    playback.begin('t5', undefined, true);
    playback.addSentence('t5', 0, 'Never heard.');
    playback.pushFrame('t5', 0, frame(1), true);
    expect(playback.interrupt()).toEqual({ turnId: 't5', text: '', interrupted: true });
    playback.release();
    expect(frames).toEqual([]);
    expect(events).toEqual([]);
  });
});

