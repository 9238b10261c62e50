import { TurnRegistry } from './turn-registry';

/** Begins a turn that must be new. */
function begin(registry: TurnRegistry, callId: string, turnId: string): AbortController {
  const controller = registry.begin(callId, turnId);
  if (!controller) throw new Error(`turn ${callId}/${turnId} already in flight`);
  return controller;
}

describe('TurnRegistry', () => {
  it('refuses a second begin of a turn in flight, as a retried request would', () => {
    const registry = new TurnRegistry();
    expect(registry.begin('c1', 't1')).toBeInstanceOf(AbortController);
    expect(registry.begin('c1', 't1')).toBeUndefined();
    expect(registry.begin('c2', 't1')).toBeInstanceOf(AbortController);
    expect(registry.size).toBe(2);
  });

  it('aborts one turn on stop, with the reason, and leaves the call’s other turns running', () => {
    const registry = new TurnRegistry();
    const t1 = begin(registry, 'c1', 't1');
    const t2 = begin(registry, 'c1', 't2');
    expect(registry.stop('c1', 't1', 'interrupted')).toBe(true);
    expect(t1.signal.aborted).toBe(true);
    expect(t1.signal.reason).toBe('interrupted');
    expect(t2.signal.aborted).toBe(false);
    expect(registry.stop('c1', 't1', 'interrupted')).toBe(false);
    expect(registry.stop('c9', 't1', 'interrupted')).toBe(false);
  });

  it('aborts and forgets every turn of a call that ends', () => {
    const registry = new TurnRegistry();
    const turns = [begin(registry, 'c1', 't1'), begin(registry, 'c1', 't2')];
    const other = begin(registry, 'c2', 't1');
    expect(registry.stopCall('c1', 'call-ended')).toBe(2);
    expect(turns.every((turn) => turn.signal.reason === 'call-ended')).toBe(true);
    expect(other.signal.aborted).toBe(false);
    expect(registry.size).toBe(1);
    expect(registry.stopCall('c1', 'call-ended')).toBe(0);
  });

  it('holds nothing once every turn has finished', () => {
    const registry = new TurnRegistry();
    const t1 = begin(registry, 'c1', 't1');
    const t2 = begin(registry, 'c1', 't2');
    registry.finish('c1', 't1', t1);
    registry.finish('c1', 't2', t2);
    expect(registry.size).toBe(0);
    expect(registry.stopCall('c1', 'call-ended')).toBe(0);
  });

  it('lets a stopped turn be started again, and ignores the late finish of the stopped one', () => {
    const registry = new TurnRegistry();
    const first = begin(registry, 'c1', 't1');
    registry.stop('c1', 't1', 'interrupted');
    const again = begin(registry, 'c1', 't1');
    registry.finish('c1', 't1', first);
    expect(registry.size).toBe(1);
    registry.finish('c1', 't1', again);
    expect(registry.size).toBe(0);
  });
});
