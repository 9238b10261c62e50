import type { TranscriptMessage } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { CallerTurns, type CallerTurnHandlers } from './caller-turns';
import { TurnDetector } from './turn-detector';

function setup(options: { agentActive?: boolean } = {}) {
  const flushes: string[] = [];
  const calls: string[] = [];
  const stt = { flush: (id: string) => void flushes.push(id), reopen: () => void calls.push('reopen') };
  const detector = new TurnDetector({ endpointingMs: 350, endpointingMidPhraseMs: 900, bargeInMinMs: 300, vadHangoverMs: 300, frameMs: 20 });
  const latency = { speechEnded: jest.fn(), finalTranscript: jest.fn() };
  const handlers: CallerTurnHandlers = {
    agentTurnActive: () => options.agentActive ?? false,
    mayPrepare: () => true,
    interim: (text) => void calls.push(`interim:${text}`),
    turn: (text) => void calls.push(`turn:${text}`),
    prepare: (text) => void calls.push(`prepare:${text}`),
    confirm: () => void calls.push('confirm'),
    discard: () => void calls.push('discard'),
  };
  const log = createLogger({ service: 'test', level: 'silent' });
  const turns = new CallerTurns({ stt, detector, latency, sttFinalTimeoutMs: 50, log }, handlers);
  const final = (turnId: string | undefined, text: string): TranscriptMessage =>
    ({ kind: 'final', text, startMs: 0, endMs: 0, seq: 0, turnId }) as TranscriptMessage;
  return { turns, flushes, calls, latency, final };
}

describe('CallerTurns', () => {
  it('prepares the reply on the pause and plays it at the end of turn, with one flush', () => {
    const { turns, flushes, calls, final } = setup();
    turns.onPause();
    expect(flushes).toEqual(['f1']);
    turns.onTranscript(final('f1', 'what are your hours'));
    turns.onEndOfTurn();
    expect(calls).toEqual(['prepare:what are your hours', 'confirm']);
    expect(flushes).toEqual(['f1']);
  });

  it('answers at once when the end of turn comes before the pause’s final', () => {
    const { turns, calls, final } = setup();
    turns.onPause();
    turns.onEndOfTurn();
    turns.onTranscript(final('f1', 'what are your hours'));
    expect(calls).toEqual(['turn:what are your hours']);
  });

  it('discards the prepared reply when the caller goes on, and keeps their words in the turn', () => {
    const { turns, flushes, calls, final } = setup();
    turns.onPause();
    turns.onTranscript(final('f1', 'I would like'));
    turns.onVoice();
    turns.onEndOfTurn();
    turns.onTranscript(final('f2', 'a table for two'));
    expect(flushes).toEqual(['f1', 'f2']);
    expect(calls).toEqual(['prepare:I would like', 'discard', 'turn:I would like a table for two']);
  });

  it('discards the prepared reply when the STT closes more words by itself', () => {
    const { turns, calls, final } = setup();
    turns.onPause();
    turns.onTranscript(final('f1', 'I would like'));
    turns.onTranscript(final(undefined, 'a table'));
    turns.onEndOfTurn();
    turns.onTranscript(final('f2', 'for two'));
    expect(calls).toEqual(['prepare:I would like', 'discard', 'turn:I would like a table for two']);
  });

  it('keeps the words of a pause’s final that arrives after the caller went on', () => {
    const { turns, calls, final } = setup();
    turns.onPause();
    turns.onVoice();
    turns.onTranscript(final('f1', 'I would like'));
    turns.onPause();
    turns.onTranscript(final('f2', 'a table'));
    turns.onEndOfTurn();
    expect(calls).toEqual(['prepare:I would like a table', 'confirm']);
  });

  it('flushes at the end of turn when there was no pause, and passes interims on', () => {
    const { turns, flushes, calls, final } = setup();
    turns.onTranscript({ kind: 'interim', text: 'hello', startMs: 0, endMs: 0, seq: 0 } as TranscriptMessage);
    turns.onEndOfTurn();
    turns.onTranscript(final('f1', 'hello there'));
    expect(flushes).toEqual(['f1']);
    expect(calls).toEqual(['interim:hello', 'turn:hello there']);
  });

  it('prepares nothing while the agent speaks, and drops a short sound’s answer', () => {
    const { turns, flushes, calls, final } = setup({ agentActive: true });
    turns.onPause();
    expect(flushes).toEqual([]);
    turns.onEndOfTurn();
    turns.onTranscript(final('f1', 'mhm'));
    expect(flushes).toEqual(['f1']);
    expect(calls).toEqual([]);
  });

  it('replaces the STT session when the final never comes', async () => {
    const { turns, calls } = setup();
    turns.onPause();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).toEqual(['reopen']);
  });
});
