import type { UsageRecordedEvent } from '@parley/contracts';
import { CallMeter } from './call-meter';

const call = {
  callId: 'c1',
  orgId: 'o1',
  agentId: 'a1',
  providers: { stt: 'pocketsphinx', llm: 'local', llmModel: 'default', tts: 'flite' },
};

describe('CallMeter', () => {
  let clock = 0;
  let published: UsageRecordedEvent[];
  let meter: CallMeter;

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    published = [];
    meter = new CallMeter(call, async (e) => void published.push(e), { intervalMs: 1000, frameMs: 20 }, () => clock);
  });

  afterEach(() => jest.useRealTimers());

  const advance = (ms: number) => {
    clock += ms;
    jest.advanceTimersByTime(ms);
  };

  it('reserves the first started second at once, then reports each second begun', () => {
    meter.start();
    expect(published.map((e) => [e.seq, e.seconds])).toEqual([[0, 1]]);
    advance(1000);
    advance(1000);
    expect(published.map((e) => [e.seq, e.seconds])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('charges the last started second when the call ends mid-second, and reports nothing twice', async () => {
    meter.start();
    clock += 1500;
    await meter.stop();
    await meter.stop();
    expect(published.map((e) => e.seconds)).toEqual([1, 1]);
    expect(published.reduce((sum, e) => sum + e.seconds, 0)).toBe(2);
  });

  it('reports engine usage of the interval once, with estimated tokens', async () => {
    meter.start();
    for (let i = 0; i < 50; i++) meter.sttFrame();
    meter.llmRequest([{ role: 'user', content: 'x'.repeat(40) }]);
    meter.agentSpoke('y'.repeat(20), true);
    meter.agentSpoke('Hello!', false);
    await meter.stop();
    const last = published.at(-1);
    expect(last).toMatchObject({ sttAudioMs: 1000, llmInputTokens: 10, llmOutputTokens: 5, ttsCharacters: 26 });
    expect(published.slice(0, -1).every((e) => e.sttAudioMs === 0)).toBe(true);
  });
});
