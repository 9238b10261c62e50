import { CallLimitsWatch } from './call-limits';

describe('CallLimitsWatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const limits = { maxDurationSec: 60, maxTurns: 5, silenceTimeoutSec: 10 };

  it('ends a silent call after the silence timeout', () => {
    const onLimit = jest.fn();
    new CallLimitsWatch(limits, onLimit).start();
    jest.advanceTimersByTime(9_999);
    expect(onLimit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(onLimit).toHaveBeenCalledWith('SILENCE_TIMEOUT');
  });

  it('does not count the agent speaking as caller silence', () => {
    const onLimit = jest.fn();
    const watch = new CallLimitsWatch(limits, onLimit);
    watch.start();
    jest.advanceTimersByTime(8_000);
    watch.setAgentBusy(true);
    jest.advanceTimersByTime(30_000);
    watch.setAgentBusy(false);
    jest.advanceTimersByTime(9_000);
    expect(onLimit).not.toHaveBeenCalled();
    watch.callerActive();
    jest.advanceTimersByTime(9_000);
    expect(onLimit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1_000);
    expect(onLimit).toHaveBeenCalledWith('SILENCE_TIMEOUT');
  });

  it('ends the call at the maximum duration however busy it is, and only once', () => {
    const onLimit = jest.fn();
    const watch = new CallLimitsWatch(limits, onLimit);
    watch.start();
    watch.setAgentBusy(true);
    jest.advanceTimersByTime(60_000);
    expect(onLimit).toHaveBeenCalledTimes(1);
    expect(onLimit).toHaveBeenCalledWith('MAX_DURATION_REACHED');
    watch.callerActive();
    jest.advanceTimersByTime(60_000);
    expect(onLimit).toHaveBeenCalledTimes(1);
  });
});
