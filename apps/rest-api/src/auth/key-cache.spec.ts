import { KeyCache } from './key-cache';

describe('KeyCache (LRU with a time to live)', () => {
  it('answers an entry until its time to live is over', () => {
    const cache = new KeyCache<string>(10, 1_000);
    cache.set('a', 'A', 0);
    expect(cache.get('a', 999)).toMatchObject({ value: 'A' });
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps a cached null (an unknown key) apart from a miss', () => {
    const cache = new KeyCache<string | null>(10, 1_000);
    cache.set('unknown', null, 0);
    expect(cache.get('unknown', 1)).toMatchObject({ value: null });
    expect(cache.get('never-seen', 1)).toBeUndefined();
  });

  it('drops the least recently used entry when full, not the oldest written', () => {
    const cache = new KeyCache<string>(2, 60_000);
    cache.set('a', 'A', 0);
    cache.set('b', 'B', 0);
    cache.get('a', 1); // a is now the most recently used
    cache.set('c', 'C', 2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(cache.get('a', 3)).toMatchObject({ value: 'A' });
    expect(cache.get('c', 3)).toMatchObject({ value: 'C' });
  });

  it('forgets one entry, or every entry a predicate matches', () => {
    const cache = new KeyCache<{ agentId: string | null }>(10, 60_000);
    cache.set('k1', { agentId: 'x' }, 0);
    cache.set('k2', { agentId: 'x' }, 0);
    cache.set('k3', { agentId: null }, 0);
    cache.delete('k3');
    expect(cache.get('k3', 1)).toBeUndefined();
    cache.deleteWhere((key) => key.agentId === 'x');
    expect(cache.size).toBe(0);
  });

  it('stores nothing with a time to live of 0', () => {
    const cache = new KeyCache<string>(10, 0);
    cache.set('a', 'A', 0);
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
