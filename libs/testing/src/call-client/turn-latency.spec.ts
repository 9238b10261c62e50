import { TurnLatencyMeter } from './turn-latency';

describe('TurnLatencyMeter', () => {
  it('measures from the last voiced frame to the first agent frame of a segment that began after it', () => {
    const meter = new TurnLatencyMeter();
    meter.callerSpoke(1000);
    meter.callerSpoke(1020);

    expect(meter.agentFrame(1450, 1440)).toEqual({ turn: 1, speechEndedAt: 1020, agentAudioAt: 1450, voiceToVoiceMs: 430 });
    expect(meter.agentFrame(1470, 1440)).toBeUndefined();
  });

  it('ignores agent audio when the caller has not spoken since the last answer', () => {
    const meter = new TurnLatencyMeter();

    expect(meter.agentFrame(100, 90)).toBeUndefined();
    meter.callerSpoke(200);
    meter.agentFrame(500, 480);
    expect(meter.agentFrame(900, 880)).toBeUndefined();
    expect(meter.turns).toHaveLength(1);
  });

  it('does not take the tail of a reply the caller talked over as the answer', () => {
    const meter = new TurnLatencyMeter();
    meter.callerSpoke(2000);

    expect(meter.agentFrame(2010, 1500)).toBeUndefined();
    expect(meter.agentFrame(2020, undefined)).toBeUndefined();
    expect(meter.agentFrame(2600, 2590)).toMatchObject({ turn: 1, voiceToVoiceMs: 600 });
  });
});
